using System.Net;
using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;
using QfPaySimulator.Hosting;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

/// <summary>
/// Issue #13 item 9: QFPay may post notifications only to the one URL its support registered for the app code, ignoring
/// the request's notify_url (docs/qfpay-protocol.md §6.1). The simulator's registered mode rehearses that.
/// </summary>
[TestFixture]
[NonParallelizable]
public class RegisteredNotifyUrlTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_store_whose_url_was_never_registered_gets_no_notification_whatever_notify_url_it_sends()
    {
        await using var rig = await SimulatorRig.StartAsync(static options => options.NotifyUrlMode = NotifyUrlMode.RegisteredOnly);
        var syssn = await rig.CreatePaymentAsync("NOP-90-1");

        using var paid = await rig.Host.PayAsync(syssn);
        await rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.Multiple(() =>
        {
            Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the shopper is still sent back");
            Assert.That(paid.Headers.Location, Is.EqualTo(rig.Receiver.ReturnUrl));
            Assert.That(rig.Host.Deliveries, Is.Empty);
            Assert.That(rig.Receiver.Notifications, Is.Empty);
        });
    }

    [Test]
    public async Task Payment_and_refund_notifications_go_to_the_registered_url_and_never_to_notify_url()
    {
        await using var registered = await NotificationReceiver.StartAsync();
        await using var rig = await SimulatorRig.StartAsync(options =>
        {
            options.NotifyUrlMode = NotifyUrlMode.RegisteredOnly;
            options.RegisteredNotifyUrls[SimulatorOptions.DemoMerchant.AppCode] = registered.NotifyUrl;
        });
        var syssn = await rig.CreatePaidPaymentAsync("NOP-91-1");

        var refund = await rig.Client.RefundAsync(syssn, "NOP-91-R1", 1000);
        await registered.WaitForNotificationsAsync(2, Settle);
        await rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.Multiple(() =>
        {
            Assert.That(refund.Respcd, Is.EqualTo("0000"), refund.Text);
            Assert.That(rig.Receiver.Notifications, Is.Empty);
            Assert.That(registered.Notifications.Select(static n => JsonDocument.Parse(n.RawBody).RootElement.GetProperty("notify_type").GetString()),
                Is.EqualTo(new[] { "payment", "refund" }));
            Assert.That(rig.Host.Deliveries.Select(static d => d.Target), Is.All.EqualTo(registered.NotifyUrl));
        });
    }

    [Test]
    public async Task By_default_the_request_notify_url_is_notified()
    {
        await using var rig = await SimulatorRig.StartAsync();

        await rig.CreatePaidPaymentAsync("NOP-92-1");

        Assert.That(rig.Receiver.Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public void The_command_line_registers_one_url_for_the_runs_app_code()
    {
        var options = new SimulatorOptions();

        CommandLineSettings.Apply(["--app-code", "APP", "--client-key", "KEY", "--notify-url-mode", "registered",
            "--registered-notify-url", "https://shop.example/Plugins/QfPayAlipay/Notify"], options);

        Assert.Multiple(() =>
        {
            Assert.That(options.NotifyUrlMode, Is.EqualTo(NotifyUrlMode.RegisteredOnly));
            Assert.That(options.RegisteredNotifyUrls, Is.EqualTo(new Dictionary<string, Uri> { ["APP"] = new("https://shop.example/Plugins/QfPayAlipay/Notify") }));
        });
    }

    [TestCase("--notify-url-mode", "sometimes")]
    [TestCase("--registered-notify-url", "/Plugins/QfPayAlipay/Notify")]
    public void A_wrong_notify_option_is_refused(string option, string value)
    {
        Assert.That(() => CommandLineSettings.Apply([option, value], new SimulatorOptions()), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void The_startup_banner_says_when_notify_url_is_ignored_and_that_nothing_is_registered()
    {
        var options = new SimulatorOptions { NotifyUrlMode = NotifyUrlMode.RegisteredOnly };
        using var output = new StringWriter();

        StartupBanner.Write(output, ["http://127.0.0.1:5080"], options);

        Assert.That(output.ToString(), Does.Contain("notify_url is ignored").And.Contain("no notifications are sent"));
    }
}
