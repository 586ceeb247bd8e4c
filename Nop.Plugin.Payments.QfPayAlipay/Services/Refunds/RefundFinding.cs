namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>What a query told about one refund (API.md §7.4, refund rows).</summary>
public enum RefundFindingKind
{
    /// <summary>Record respcd 0000: the refund was made.</summary>
    Succeeded,

    /// <summary>Record 1143/1145: QFPay is still processing it.</summary>
    Processing,

    /// <summary>Record with any other code: the refund failed, no money moved.</summary>
    Failed,

    /// <summary>The query worked and QFPay has no such refund in the months searched.</summary>
    NotFound,

    /// <summary>The query itself failed (timeout, network, 429, configuration): nothing was learned.</summary>
    QueryFailed,
}

/// <param name="RefundSyssn">QFPay's number of the refund, when the record gave one.</param>
/// <param name="AmountMinor">The record's txamt, when given.</param>
/// <param name="Detail">One line for logs and notes; never a secret.</param>
public sealed record RefundFinding(RefundFindingKind Kind, string? RefundSyssn, string? ResponseCode, long? AmountMinor, string? Currency, string Detail);
