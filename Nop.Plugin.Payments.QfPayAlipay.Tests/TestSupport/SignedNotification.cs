using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Notifications as QFPay sends them: the body laid out like Python's json.dumps (the simulator's formatter, docs/qfpay-protocol.md
/// §6.3) and signed MD5(body + key) with the simulator's independent signer, so a test never signs with the code it
/// tests.
/// </summary>
public static class SignedNotification
{
    public static NotificationContent PaymentFor(QfPayPaymentAttempt attempt) => new()
    {
        PayType = attempt.PayType.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Sysdtm = "2025-03-18 14:05:10",
        Paydtm = "2025-03-18 14:06:02",
        GoodsName = "Order 10025",
        Txcurrcd = attempt.CurrencyCode,
        Txdtm = "2025-03-18 14:05:09",
        Txamt = attempt.AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OutTradeNo = attempt.OutTradeNo,
        Syssn = attempt.Syssn!,
        Chnlsn = "2025031822001400001234567890",
    };

    public static IncomingNotification Post(NotificationContent content, string key) => Post(content.ToBody(), key);

    public static IncomingNotification Post(string body, string? key) =>
        new("POST", Encoding.UTF8.GetBytes(body), key is null ? null : NotificationSignature.Compute(body, key));

    /// <summary>A body signed with one key and then changed: what a forger who tampers with a real notification gets.</summary>
    public static IncomingNotification Tampered(NotificationContent signed, NotificationContent sent, string key) =>
        new("POST", Encoding.UTF8.GetBytes(sent.ToBody()), NotificationSignature.Compute(signed.ToBody(), key));
}
