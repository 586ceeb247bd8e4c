using System.Text.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>Answer to a refund (API.md §8.1). <c>0000</c>: accepted; 1143/1145: query the refund.</summary>
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

    internal static RefundResponse Read(JsonElement body) => ReadCommon(new RefundResponse
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
