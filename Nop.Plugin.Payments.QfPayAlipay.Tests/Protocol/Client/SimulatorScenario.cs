using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>A real <see cref="QfPayClient"/> over real HTTP to the local simulator on 127.0.0.1.</summary>
public static class SimulatorScenario
{
    public static QfPayAccount AccountFor(QfPaySimulatorHost host, SimulatedMerchant? merchant = null, QfPaySignType signType = QfPaySignType.Md5)
    {
        merchant ??= host.DefaultMerchant;
        return new QfPayAccount(host.BaseAddress, merchant.AppCode, merchant.ClientKey, merchant.MerchantId, signType);
    }

    /// <summary>Short timeouts so that the simulator's Timeout fault is noticed quickly.</summary>
    public static QfPayAccount Impatient(this QfPayAccount account) =>
        account with { Timeouts = new QfPayTimeouts(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)) };

    /// <summary>No proxy: the simulator is on loopback and a CI proxy variable must not reroute it.</summary>
    public static QfPayClient NewClient(TimeProvider? clock = null) =>
        new(new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }), clock);

    public static PaymentRequest Payment(string? outTradeNo = null, long amount = 12800, string? notifyUrl = null) => new()
    {
        OutTradeNo = outTradeNo ?? OutTradeNumber.ForPayment("10025", 1),
        AmountInMinorUnits = amount,
        Currency = "HKD",
        PayType = QfPayPayType.AlipayHongKongWap,
        GoodsName = GoodsName.ForOrder(null, "10025"),
        ReturnUrl = "https://shop.example.com/qfpay/return/10025",
        NotifyUrl = notifyUrl,
        ExpiresInMinutes = 30,
    };

    public static RefundRequest Refund(string syssn, long amount, int sequence) => new()
    {
        OriginalSyssn = syssn,
        OutTradeNo = OutTradeNumber.ForRefund("10025", sequence),
        AmountInMinorUnits = amount,
    };

    public static int PaymentRequests(this QfPaySimulatorHost host) => host.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Payment);

    public static int RefundRequests(this QfPaySimulatorHost host) => host.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Refund);
}
