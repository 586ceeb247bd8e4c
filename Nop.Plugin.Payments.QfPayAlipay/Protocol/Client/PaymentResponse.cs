using System.Text.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// Answer to a payment creation (API.md §4.4). <c>0000</c> means the order exists, not that it is paid
/// (§4.5): redirect to <see cref="PayUrl"/> (801107/801512) or hand <see cref="TradeNo"/> to Alipay's
/// JSAPI (800107), then wait for the notification or a query.
/// </summary>
public sealed record PaymentResponse : QfPayResponse
{
    /// <summary>QFPay's transaction number: the key for queries and refunds.</summary>
    public string? Syssn { get; init; }

    public string? OutTradeNo { get; init; }

    public string? PayType { get; init; }

    public long? AmountInMinorUnits { get; init; }

    public string? Currency { get; init; }

    public string? RequestTime { get; init; }

    public string? SystemTime { get; init; }

    /// <summary>801107/801512: where to send the browser. Opaque: never parse or modify it (§4.4).</summary>
    public string? PayUrl { get; init; }

    /// <summary>800107: <c>pay_params.tradeNO</c> for Alipay's <c>tradePay</c> (§4.4, §10).</summary>
    public string? TradeNo { get; init; }

    internal static PaymentResponse Read(JsonElement body) => ReadCommon(new PaymentResponse
    {
        Syssn = Text(body, "syssn"),
        OutTradeNo = Text(body, "out_trade_no"),
        PayType = Text(body, "pay_type"),
        AmountInMinorUnits = Amount(body, "txamt"),
        Currency = Text(body, "txcurrcd"),
        RequestTime = Text(body, "txdtm"),
        SystemTime = Text(body, "sysdtm"),
        PayUrl = Text(body, "pay_url"),
        TradeNo = body.TryGetProperty("pay_params", out var payParams) ? Text(payParams, "tradeNO") : null,
    }, body);
}
