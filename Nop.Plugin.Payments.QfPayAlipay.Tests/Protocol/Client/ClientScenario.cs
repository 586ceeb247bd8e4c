using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>Accounts, clock and requests shaped like the examples in docs/qfpay-protocol.md and vectors V5-V11.</summary>
public static class ClientScenario
{
    /// <summary>The fictitious key of vectors V5-V11 (docs/qfpay-protocol.md §3.5).</summary>
    public const string VectorKey = "F3A1C9E7B2D84A6F9C0E1B5D7A3F2C8E";

    public const string AppCode = "6C1E0B9A4F2D4E7B8A3C5D9E1F0A2B4C";

    public static readonly Uri BaseUrl = new("https://qfpay.invalid/");

    public static QfPayAccount Account(string? merchantId = null, QfPaySignType signType = QfPaySignType.Md5, string key = VectorKey) =>
        new(BaseUrl, AppCode, key, merchantId, signType);

    /// <summary>Hong Kong 2025-03-18 14:05:09, the txdtm of V5.</summary>
    public static FakeTimeProvider Clock(int hour = 14, int minute = 5, int second = 9, int day = 18, int month = 3) =>
        new(new DateTimeOffset(2025, month, day, hour, minute, second, QfPayTime.Offset));

    public static (QfPayClient Client, RecordingHandler Handler) ClientWith(RecordingHandler handler, TimeProvider? clock = null) =>
        (new QfPayClient(new HttpClient(handler), clock ?? Clock()), handler);

    /// <summary>The request of V5 / docs/qfpay-protocol.md §4.6.</summary>
    public static PaymentRequest V5Payment() => new()
    {
        OutTradeNo = "NOP-10025-1",
        AmountInMinorUnits = 12800,
        Currency = "HKD",
        PayType = QfPayPayType.AlipayHongKongWap,
        GoodsName = "Order 10025",
        ExpiresInMinutes = 30,
        ReturnUrl = "https://shop.example.com/qfpay/return?orderId=10025&lang=en",
        NotifyUrl = "https://shop.example.com/qfpay/notify",
    };

    public const string PaymentCreated = """
        {"respcd": "0000", "resperr": "success", "respmsg": "", "syssn": "20250318155400020012345678",
         "out_trade_no": "NOP-10025-1", "pay_type": "801512", "txamt": "12800", "txcurrcd": "HKD",
         "txdtm": "2025-03-18 14:05:09", "sysdtm": "2025-03-18 14:05:10",
         "pay_url": "https://globalmapi.alipay.com/gateway.do?service=create_forex_trade_wap&out_trade_no=20250318155400020012345678"}
        """;

    public static string QueryAnswer(params string[] records) =>
        "{\"respcd\": \"0000\", \"resperr\": \"success\", \"page\": \"1\", \"page_size\": \"10\", \"data\": [" + string.Join(",", records) + "]}";

    public static string Record(string syssn, string outTradeNo, string respcd = "0000", string orderType = "payment", string txamt = "12800") =>
        $"{{\"syssn\": \"{syssn}\", \"out_trade_no\": \"{outTradeNo}\", \"order_type\": \"{orderType}\", \"pay_type\": \"801512\", \"txamt\": \"{txamt}\", \"txcurrcd\": \"HKD\", \"respcd\": \"{respcd}\", \"cancel\": \"0\"}}";
}
