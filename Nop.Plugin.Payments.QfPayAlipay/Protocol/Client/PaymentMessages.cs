using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// <c>POST /trade/v1/payment</c> for 801107, 801512 and 800107 (docs/qfpay-protocol.md §4.2). <c>txdtm</c> is added by the
/// client from its clock; <c>mchid</c> from the account.
/// </summary>
public sealed record PaymentRequest
{
    /// <summary>A new number per attempt, from <see cref="OutTradeNumber.ForPayment"/>.</summary>
    public required string OutTradeNo { get; init; }

    /// <summary><c>txamt</c>, from <see cref="MinorUnits.FromDecimal"/>.</summary>
    public required long AmountInMinorUnits { get; init; }

    /// <summary><c>txcurrcd</c>, e.g. HKD.</summary>
    public required string Currency { get; init; }

    public required QfPayPayType PayType { get; init; }

    /// <summary>Cleaned again by the client (<see cref="Fields.GoodsName.Clean"/>); null sends none.</summary>
    public string? GoodsName { get; init; }

    /// <summary>At most 200 characters (docs/qfpay-protocol.md §4.3).</summary>
    public string? ReturnUrl { get; init; }

    public string? NotifyUrl { get; init; }

    /// <summary><c>expired_time</c>: 5 to 120 minutes, QFPay's default 30; only for 801107/801512 (docs/qfpay-protocol.md §4.2, C11).</summary>
    public int? ExpiresInMinutes { get; init; }

    /// <summary>The payer's Alipay user id; required for 800107 and only there (docs/qfpay-protocol.md §4.2, §10).</summary>
    public string? OpenId { get; init; }

    /// <summary>
    /// <c>limit_pay=no_credit</c> forbids credit-card funding. QFPay documents it for Mainland China wallets only
    /// (docs/qfpay-protocol.md §4.2, C18), so it is sent only when the merchant asks for it.
    /// </summary>
    public bool ForbidCreditCards { get; init; }

    public const string NoCreditLimitPay = "no_credit";

    public const int MinExpiresInMinutes = 5;

    public const int MaxExpiresInMinutes = 120;

    internal FieldResult<RequestForm> BuildForm(QfPayAccount account, string txdtm)
    {
        if (!OutTradeNumber.IsValid(OutTradeNo?.Trim()))
            return Invalid($"out_trade_no must be 1 to {OutTradeNumber.MaxLength} characters of A-Z, a-z, 0-9, '_' or '-'.");

        if (AmountInMinorUnits is < 1 or > MinorUnits.MaxTxamt)
            return Invalid($"txamt must be between 1 and {MinorUnits.MaxTxamt} minor units.");

        var currency = MinorUnits.ExponentOf(Currency);
        if (!currency.IsValid)
            return Invalid(currency.Error);

        if (!Enum.IsDefined(PayType))
            return Invalid($"Pay type {(int)PayType} is not supported; use 801107, 801512 or 800107.");

        var serviceWindow = PayType == QfPayPayType.AlipayServiceWindowH5;
        if (serviceWindow && string.IsNullOrWhiteSpace(OpenId))
            return Invalid("Pay type 800107 needs the payer's Alipay user id as openid.");
        if (!serviceWindow && !string.IsNullOrWhiteSpace(OpenId))
            return Invalid($"openid applies only to pay type 800107, not {PayType.ToCode()}.");

        if (ExpiresInMinutes is { } minutes)
        {
            if (serviceWindow)
                return Invalid("A payment link expiry (expired_time) is not available for pay type 800107.");
            if (minutes is < MinExpiresInMinutes or > MaxExpiresInMinutes)
                return Invalid($"The payment link expiry (expired_time) must be {MinExpiresInMinutes} to {MaxExpiresInMinutes} minutes.");
        }

        string? returnUrl = null, notifyUrl = null;
        if (!string.IsNullOrWhiteSpace(ReturnUrl))
        {
            var checkedUrl = CallbackUrl.CheckReturnUrl(ReturnUrl);
            if (!checkedUrl.IsValid)
                return Invalid(checkedUrl.Error);
            returnUrl = checkedUrl.Value;
        }

        if (!string.IsNullOrWhiteSpace(NotifyUrl))
        {
            var checkedUrl = CallbackUrl.CheckNotifyUrl(NotifyUrl);
            if (!checkedUrl.IsValid)
                return Invalid(checkedUrl.Error);
            notifyUrl = checkedUrl.Value;
        }

        return FieldResult<RequestForm>.Valid(new RequestForm()
            .Add("txamt", MinorUnits.Format(AmountInMinorUnits))
            .Add("txcurrcd", MinorUnits.NormalizeCurrency(Currency))
            .Add("pay_type", PayType.ToCode())
            .Add("out_trade_no", OutTradeNo)
            .Add("txdtm", txdtm)
            .Add("goods_name", Fields.GoodsName.Clean(GoodsName))
            .Add("mchid", account.MerchantIdToSend)
            .Add("return_url", returnUrl)
            .Add("notify_url", notifyUrl)
            .Add("expired_time", ExpiresInMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("openid", OpenId)
            .Add("limit_pay", ForbidCreditCards ? NoCreditLimitPay : null));
    }

    private static FieldResult<RequestForm> Invalid(string error) => FieldResult<RequestForm>.Invalid(error);
}

/// <summary>
/// Answer to a payment creation (docs/qfpay-protocol.md §4.4). <c>0000</c> means the order exists, not that it is paid
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

    internal static PaymentResponse Read(JObject body) => ReadCommon(new PaymentResponse
    {
        Syssn = Text(body, "syssn"),
        OutTradeNo = Text(body, "out_trade_no"),
        PayType = Text(body, "pay_type"),
        AmountInMinorUnits = Amount(body, "txamt"),
        Currency = Text(body, "txcurrcd"),
        RequestTime = Text(body, "txdtm"),
        SystemTime = Text(body, "sysdtm"),
        PayUrl = Text(body, "pay_url"),
        TradeNo = Text(body["pay_params"] as JObject, "tradeNO"),
    }, body);
}
