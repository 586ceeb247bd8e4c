using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Notifications;

/// <summary>Real notifications, posted by the local simulator over HTTP, verify and parse byte for byte.</summary>
public class NotificationsFromSimulatorTests
{
    [Test]
    public async Task Payment_and_refund_notifications_verify_with_the_merchants_key_and_parse()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var host = await QfPaySimulatorHost.StartAsync();
        var client = SimulatorScenario.NewClient();
        var account = SimulatorScenario.AccountFor(host);
        var request = SimulatorScenario.Payment(notifyUrl: receiver.NotifyUrl.ToString());

        var payment = (await client.CreatePaymentAsync(account, request)).EnsureSuccess();
        (await host.PayAsync(payment.Syssn!)).Dispose();
        var refund = (await client.RefundAsync(account, SimulatorScenario.Refund(payment.Syssn!, 2800, 1))).EnsureSuccess();
        await host.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(30));

        var notifications = receiver.Notifications.Select(n => (Verdict: NotificationVerifier.Verify(n.RawBody, n.Signature, account.ClientKey), Parsed: QfPayNotification.Parse(n.RawBody))).ToList();
        Assert.That(notifications, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(notifications.Select(n => n.Verdict.IsAuthentic), Is.All.True);
            var paid = notifications.Select(n => n.Parsed.Notification).OfType<PaymentNotification>().Single();
            Assert.That(paid.OutTradeNo, Is.EqualTo(request.OutTradeNo));
            Assert.That(paid.AmountInMinorUnits, Is.EqualTo(12800));
            var refunded = notifications.Select(n => n.Parsed.Notification).OfType<RefundNotification>().Single();
            Assert.That(refunded.Syssn, Is.EqualTo(refund.Syssn));
            Assert.That(refunded.AmountInMinorUnits, Is.EqualTo(2800));
            Assert.That(NotificationVerifier.Verify(receiver.Notifications[0].RawBody, receiver.Notifications[0].Signature, "0" + account.ClientKey[1..]).IsAuthentic, Is.False);
        });
    }
}
