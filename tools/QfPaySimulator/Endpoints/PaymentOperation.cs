using System.Globalization;
using System.Text.Json.Nodes;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// <c>POST /trade/v1/payment</c> for 801107, 801512 and 800107 (docs/qfpay-protocol.md §4). Creating is not paying: the answer carries a
/// cashier link (<c>pay_url</c>) or 800107's <c>pay_params.tradeNO</c>, and the record stays 1143 until paid (§4.5).
/// </summary>
internal sealed class PaymentOperation(TradeStore store, SyssnGenerator numbers, QfPayClock clock) : IApiOperation
{
    /// <summary>expired_time default, minimum and maximum in minutes (docs/qfpay-protocol.md §4.2).</summary>
    private const int DefaultLifetimeMinutes = 30, MinLifetimeMinutes = 5, MaxLifetimeMinutes = 120;

    /// <summary>QFPay's responses echo this udid when none was sent (docs/qfpay-protocol.md §4.2, Observed).</summary>
    private const string DefaultUdid = "qiantai2";

    public SimulatorEndpoint Endpoint => SimulatorEndpoint.Payment;

    public Task<ApiReply> HandleAsync(ApiRequest request, SimulatedMerchant merchant, CancellationToken cancellationToken)
    {
        var (payment, error) = Read(request, merchant);
        if (error is not null)
            return Task.FromResult(error);

        // out_trade_no is unique across all payments and refunds of the merchant (docs/qfpay-protocol.md §4.2). QFPay's answer to a
        // reused one is unknown (§13 question 13); the simulator answers 1102 "duplicate request".
        if (!store.TryAddPayment(payment!))
        {
            return Task.FromResult(ApiReply.Error(
                ResponseCodes.DuplicateRequest, "duplicate request", $"out_trade_no {payment!.OutTradeNo} is already used"));
        }

        return Task.FromResult(Reply(payment!, request.BaseAddress));
    }

    private (PaymentRecord? Payment, ApiReply? Error) Read(ApiRequest request, SimulatedMerchant merchant)
    {
        static (PaymentRecord?, ApiReply?) Refuse(string message) => (null, ApiReply.ParameterError(message));

        if (!FieldRules.TryParseAmount(request.Value("txamt"), out var amount))
            return Refuse("txamt must be a positive whole number of minor units, at most 11 digits");

        var currency = request.Value("txcurrcd");
        if (currency is null || !FieldRules.Currencies.Contains(currency))
            return Refuse("txcurrcd must be one of " + string.Join(", ", FieldRules.Currencies.Order(StringComparer.Ordinal)));

        var payType = request.Value("pay_type");
        if (payType is null || !FieldRules.PayTypes.Contains(payType))
            return Refuse("pay_type must be 801107, 801512 or 800107 in this simulator");

        // Treated as HKD-only (docs/qfpay-protocol.md §9.2, Inferred there; QFPay has not confirmed it).
        if (payType == FieldRules.AlipayHkWap && currency != "HKD")
            return Refuse("pay_type 801512 accepts txcurrcd HKD only");

        var outTradeNo = request.Value("out_trade_no");
        if (outTradeNo is null || outTradeNo.Length > 128)
            return Refuse("out_trade_no is required, at most 128 characters");

        var txdtm = request.Value("txdtm");
        if (!QfPayClock.TryParse(txdtm, out _))
            return Refuse("txdtm must be yyyy-MM-dd HH:mm:ss");

        var openid = request.Value("openid");
        if (payType == FieldRules.AlipayServiceWindow && (openid is null || openid.Length > 64))
            return Refuse("openid (the payer's Alipay user id) is required for pay_type 800107, at most 64 characters");

        var lifetimeMinutes = DefaultLifetimeMinutes;
        if (request.Value("expired_time") is { } expiredTime
            && (!int.TryParse(expiredTime, NumberStyles.None, CultureInfo.InvariantCulture, out lifetimeMinutes)
                || lifetimeMinutes is < MinLifetimeMinutes or > MaxLifetimeMinutes))
        {
            return Refuse("expired_time must be a whole number of minutes from 5 to 120");
        }

        // Documented maximum lengths (docs/qfpay-protocol.md §4.2).
        foreach (var (name, max) in new[] { ("goods_name", 64), ("return_url", 512), ("notify_url", 256), ("udid", 40), ("goods_info", 1000) })
        {
            if (request.Value(name) is { } text && text.Length > max)
                return Refuse($"{name} is longer than {max} characters");
        }

        foreach (var name in new[] { "return_url", "notify_url" })
        {
            if (request.Value(name) is { } url && !FieldRules.IsAbsoluteHttpUrl(url))
                return Refuse($"{name} must be an absolute http(s) URL");
        }

        var now = clock.Now;
        return (new PaymentRecord
        {
            AppCode = merchant.AppCode,
            Mchid = merchant.MerchantId,
            Syssn = numbers.NextSyssn(now),
            OutTradeNo = outTradeNo,
            PayType = payType,
            Txamt = amount,
            Txcurrcd = currency,
            Txdtm = txdtm!,
            Sysdtm = now,
            GoodsName = request.Value("goods_name") ?? "",
            GoodsInfo = request.Value("goods_info") ?? "",
            Udid = request.Value("udid") ?? DefaultUdid,
            ReturnUrl = request.Value("return_url"),
            NotifyUrl = request.Value("notify_url"),
            Openid = openid,
            Lifetime = TimeSpan.FromMinutes(lifetimeMinutes),
            TradeNo = payType == FieldRules.AlipayServiceWindow ? numbers.NextAlipayTradeNo(now) : null,
        }, null);
    }

    // Shaped like QFPay's 801107 sample and the 800107 field table (docs/qfpay-protocol.md §4.4, §4.6, §4.7); paydtm equals sysdtm
    // because nothing is paid yet.
    private static ApiReply Reply(PaymentRecord payment, string baseAddress)
    {
        var sysdtm = QfPayClock.Text(payment.Sysdtm);
        var fields = new List<KeyValuePair<string, JsonNode?>>
        {
            new("syssn", payment.Syssn),
            new("out_trade_no", payment.OutTradeNo),
            new("pay_type", payment.PayType),
            new("txamt", payment.Txamt.ToString(CultureInfo.InvariantCulture)),
            new("txcurrcd", payment.Txcurrcd),
            new("txdtm", payment.Txdtm),
            new("sysdtm", sysdtm),
            new("paydtm", sysdtm),
            new("udid", payment.Udid),
            new("cardcd", ""),
            new("chnlsn", ""),
        };

        fields.Add(payment.TradeNo is { } tradeNo
            ? new("pay_params", new JsonObject { ["tradeNO"] = tradeNo })
            : new("pay_url", $"{baseAddress}/cashier/{payment.Syssn}"));

        return ApiReply.Success(fields);
    }
}
