using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Keys of <see cref="QfPayWorkClaim"/>: kind, subject and, for repeated work, a sequence. All fit in 100 characters.</summary>
public static class WorkClaimKeys
{
    /// <summary>The <paramref name="sequence"/>-th query of an attempt or refund.</summary>
    public static string Query(WorkClaimKind kind, int subjectId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(kind)}:{subjectId}#{sequence}");

    /// <summary>Recording refund <paramref name="refundId"/> on its order; there is only ever one.</summary>
    public static string RecordRefund(int refundId) =>
        string.Create(CultureInfo.InvariantCulture, $"record-refund:{refundId}");

    /// <summary>Refund <paramref name="refundId"/> is on its order: written after the record itself.</summary>
    public static string RefundRecorded(int refundId) =>
        string.Create(CultureInfo.InvariantCulture, $"refund-recorded:{refundId}");

    /// <summary>The admin was told to check refund <paramref name="refundId"/>, whose recording stopped half-way.</summary>
    public static string RefundToCheck(int refundId) =>
        string.Create(CultureInfo.InvariantCulture, $"refund-to-check:{refundId}");

    /// <summary>The note about a refund QFPay made outside nopCommerce, by its syssn (at most 40 characters, API.md §4.4).</summary>
    public static string ExternalRefund(string refundSyssn) => $"external-refund:{refundSyssn.Trim()}";

    /// <summary>The note that QFPay flags payment <paramref name="paymentSyssn"/> refunded (cancel 3 or 5) beyond our own refunds.</summary>
    public static string ExternalRefundFlag(string paymentSyssn, string cancel) => $"external-refund-flag:{paymentSyssn.Trim()}#{cancel.Trim()}";

    /// <summary>The note about a refund notification that contradicts our record, by the notification's syssn.</summary>
    public static string RefundMismatch(string refundSyssn) => $"refund-mismatch:{refundSyssn.Trim()}";

    private static string Prefix(WorkClaimKind kind) => kind switch
    {
        WorkClaimKind.QueryAttempt => "query-attempt",
        WorkClaimKind.QueryRefund => "query-refund",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only queries are repeated work."),
    };
}
