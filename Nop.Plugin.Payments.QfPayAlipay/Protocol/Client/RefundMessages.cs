using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// <c>POST /trade/v1/refund</c> (docs/qfpay-protocol.md §8.1): full or partial, several per payment as long as the total
/// stays within the paid amount. Each refund gets its own new <c>out_trade_no</c>
/// (<see cref="OutTradeNumber.ForRefund"/>); serialise refunds per payment (§8.2).
/// </summary>
public sealed record RefundRequest
{
    /// <summary>The original payment's <c>syssn</c>.</summary>
    public required string OriginalSyssn { get; init; }

    /// <summary>This refund's own number, unique among all payments and refunds.</summary>
    public required string OutTradeNo { get; init; }

    /// <summary><c>txamt</c> to refund, in minor units; required for full and partial refunds alike.</summary>
    public required long AmountInMinorUnits { get; init; }

    internal FieldResult<RequestForm> BuildForm(QfPayAccount account, string txdtm)
    {
        if (string.IsNullOrWhiteSpace(OriginalSyssn))
            return FieldResult<RequestForm>.Invalid("A refund needs the original payment's syssn.");

        if (!OutTradeNumber.IsValid(OutTradeNo?.Trim()))
            return FieldResult<RequestForm>.Invalid($"The refund's out_trade_no must be 1 to {OutTradeNumber.MaxLength} characters of A-Z, a-z, 0-9, '_' or '-'.");

        if (AmountInMinorUnits is < 1 or > MinorUnits.MaxTxamt)
            return FieldResult<RequestForm>.Invalid($"The refund amount must be between 1 and {MinorUnits.MaxTxamt} minor units.");

        return FieldResult<RequestForm>.Valid(new RequestForm()
            .Add("syssn", OriginalSyssn)
            .Add("out_trade_no", OutTradeNo)
            .Add("txamt", MinorUnits.Format(AmountInMinorUnits))
            .Add("txdtm", txdtm)
            .Add("mchid", account.MerchantIdToSend));
    }
}

/// <summary>Answer to a refund (docs/qfpay-protocol.md §8.1). <c>0000</c>: accepted; 1143/1145: query the refund.</summary>
public sealed record RefundResponse : QfPayResponse
{
    /// <summary>The new refund transaction's number.</summary>
    public string? Syssn { get; init; }

    /// <summary><c>orig_syssn</c>: the refunded payment.</summary>
    public string? OriginalSyssn { get; init; }

    public string? OutTradeNo { get; init; }

    public long? AmountInMinorUnits { get; init; }

    public string? Currency { get; init; }

    public string? SystemTime { get; init; }

    public string? CashRefundFee { get; init; }

    public string? CashRefundFeeCurrency { get; init; }

    internal static RefundResponse Read(JObject body) => ReadCommon(new RefundResponse
    {
        Syssn = Text(body, "syssn"),
        OriginalSyssn = Text(body, "orig_syssn"),
        OutTradeNo = Text(body, "out_trade_no"),
        AmountInMinorUnits = Amount(body, "txamt"),
        Currency = Text(body, "txcurrcd"),
        SystemTime = Text(body, "sysdtm"),
        CashRefundFee = Text(body, "cash_refund_fee"),
        CashRefundFeeCurrency = Text(body, "cash_refund_fee_type"),
    }, body);
}
