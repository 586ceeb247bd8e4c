using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

[TestFixture]
public sealed partial class CashierFlowTests : SimulatorRigFixture
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Paying_at_the_cashier_sends_one_signed_notification_when_the_shop_answers_SUCCESS()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-30-1", 12800);

        using var paid = await Rig.Host.PayAsync(syssn);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        var notification = Rig.Receiver.Notifications.Single();
        using var body = JsonDocument.Parse(notification.RawBody);
        Assert.Multiple(() =>
        {
            Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(paid.Headers.Location, Is.EqualTo(Rig.Receiver.ReturnUrl));
            Assert.That(Rig.Host.Deliveries, Has.Count.EqualTo(1));
            Assert.That(Rig.Host.Deliveries[0].Acknowledged, Is.True);
            Assert.That(Rig.Host.Deliveries[0].Attempt, Is.EqualTo(1));
            Assert.That(notification.Signature, Is.EqualTo(NotificationSignature.Compute(notification.RawBody, Rig.Host.DefaultMerchant.ClientKey)));
            Assert.That(notification.Headers["Content-Type"], Does.StartWith("application/json"));
            Assert.That(body.RootElement.GetProperty("notify_type").GetString(), Is.EqualTo("payment"));
            Assert.That(body.RootElement.GetProperty("syssn").GetString(), Is.EqualTo(syssn));
            Assert.That(body.RootElement.GetProperty("out_trade_no").GetString(), Is.EqualTo("NOP-30-1"));
            Assert.That(body.RootElement.GetProperty("txamt").GetString(), Is.EqualTo("12800"));
            Assert.That(body.RootElement.GetProperty("respcd").GetString(), Is.EqualTo("0000"));
            Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("1"));
            Assert.That(body.RootElement.GetProperty("cancel").GetString(), Is.EqualTo("0"));
            Assert.That(notification.Body, Does.StartWith("{\"status\": \"1\", \"pay_type\": \"801512\", "));
        });
    }

    [Test]
    public async Task The_first_notification_attempt_is_made_before_the_browser_is_sent_back()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-31-1");

        using var paid = await Rig.Host.PayAsync(syssn);

        Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_shop_failing_twice_gets_exactly_three_deliveries()
    {
        Rig.Receiver.AnswerWith(ReceiverAnswer.ServerError, ReceiverAnswer.WrongBody);
        var syssn = await Rig.CreatePaymentAsync("NOP-32-1");

        using var paid = await Rig.Host.PayAsync(syssn);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(3));
        Assert.That(Rig.Host.Deliveries.Select(delivery => (delivery.Attempt, delivery.StatusCode, delivery.Acknowledged)),
            Is.EqualTo(new[] { (1, (int?)500, false), (2, (int?)200, false), (3, (int?)200, true) }));
        Assert.That(Rig.Receiver.Notifications.Select(notification => notification.Body).Distinct().Count(), Is.EqualTo(1),
            "every retry carries the same body");
    }

    [Test]
    public async Task A_shop_that_never_acknowledges_gets_eight_attempts_on_the_retry_schedule()
    {
        await using var fast = await SimulatorRig.StartAsync(options => options.RetryTimeScale = 0.00002);
        fast.Receiver.Fallback = ReceiverAnswer.ServerError;
        var syssn = await fast.CreatePaymentAsync("NOP-33-1");

        using var paid = await fast.Host.PayAsync(syssn);
        await fast.Host.WaitForDeliveriesToSettleAsync(Settle);

        var deliveries = fast.Host.Deliveries;
        Assert.That(deliveries.Select(delivery => delivery.Attempt), Is.EqualTo(Enumerable.Range(1, 8)));
        // Gaps of 2, 10, 10, 60, 120, 360 and 900 minutes, scaled: the last one (1.08 s) is the longest.
        var lastGap = deliveries[7].Time - deliveries[6].Time;
        Assert.That(lastGap, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)));
    }

    [Test]
    public async Task A_shop_that_cannot_be_reached_is_retried_and_the_error_recorded()
    {
        await using var fast = await SimulatorRig.StartAsync(options => options.RetryTimeScale = 0.00002);
        var reply = await fast.Client.CreatePaymentAsync("NOP-34-1", notifyUrl: new Uri($"http://127.0.0.1:{UnusedPort()}/notify"));

        using var paid = await fast.Host.PayAsync(reply["syssn"]);
        await fast.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.That(fast.Host.Deliveries, Has.Count.EqualTo(8));
        Assert.That(fast.Host.Deliveries.All(delivery => delivery.StatusCode is null && delivery.Error is not null), Is.True);
    }

    [Test]
    public async Task The_cashier_page_can_be_driven_over_plain_HTTP_like_a_browser()
    {
        var created = await Rig.Client.CreatePaymentAsync("NOP-35-1", 4200, Rig.Receiver.NotifyUrl, Rig.Receiver.ReturnUrl);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        var payUrl = new Uri(created["pay_url"]);

        var page = await browser.GetStringAsync(payUrl);
        var forms = FormAction().Matches(page).Select(match => match.Groups["action"].Value).ToArray();
        Assert.That(page, Does.Contain("HKD 42.00").And.Contain("Order NOP-35-1"));
        Assert.That(page, Does.Not.Contain("<script"));
        Assert.That(forms, Has.Length.EqualTo(2));

        var payAction = new Uri(payUrl, forms.Single(action => action.EndsWith("/pay", StringComparison.Ordinal)));
        using var submitted = await browser.PostAsync(payAction, new FormUrlEncodedContent([]));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var backAtShop = await browser.GetStringAsync(submitted.Headers.Location!);
        Assert.That(backAtShop, Is.EqualTo("back at the shop"));
        Assert.That(Rig.Receiver.Returns, Is.EqualTo(new[] { "/return" }));
        Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(1));

        var paidPage = await browser.GetStringAsync(payUrl);
        Assert.That(paidPage, Does.Contain("paid"));
        Assert.That(FormAction().IsMatch(paidPage), Is.False, "a paid payment offers no buttons");
    }

    [Test]
    public async Task Cancelling_at_the_cashier_returns_to_the_shop_without_paying_or_notifying()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-36-1");

        using var cancelled = await Rig.Host.CancelAsync(syssn);
        using var payAfterwards = await Rig.Host.PayAsync(syssn);
        var query = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["syssn"] = syssn });

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(cancelled.Headers.Location, Is.EqualTo(Rig.Receiver.ReturnUrl));
            Assert.That(payAfterwards.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(Rig.Receiver.Notifications, Is.Empty);
            Assert.That(query.Records.Single().GetProperty("respcd").GetString(), Is.EqualTo("1263"));
        });
    }

    [Test]
    public async Task Paying_twice_sends_no_second_notification()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-37-1");

        using var first = await Rig.Host.PayAsync(syssn);
        using var second = await Rig.Host.PayAsync(syssn);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_paid_payment_cannot_be_cancelled()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-38-1");

        using var cancelled = await Rig.Host.CancelAsync(syssn);

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task An_expired_payment_cannot_be_paid()
    {
        var clock = new SettableClock(SettableClock.HongKong(2025, 3, 18, 14, 0));
        await using var timed = await SimulatorRig.StartAsync(options => options.TimeProvider = clock);
        var fields = SimulatorClient.PaymentFields("NOP-39-1");
        fields["expired_time"] = "5";
        var created = await timed.Client.PostAsync("trade/v1/payment", fields);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var paid = await timed.Host.PayAsync(created["syssn"]);

        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(timed.Host.Deliveries, Is.Empty);
    }

    [Test]
    public async Task Without_a_return_url_the_cashier_shows_a_paid_page()
    {
        var created = await Rig.Client.CreatePaymentAsync("NOP-40-1", notifyUrl: Rig.Receiver.NotifyUrl);

        using var paid = await Rig.Host.PayAsync(created["syssn"]);

        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await paid.Content.ReadAsStringAsync(), Does.Contain("Payment complete"));
    }

    [Test]
    public async Task Without_a_notify_url_paying_sends_nothing()
    {
        var created = await Rig.Client.CreatePaymentAsync("NOP-41-1", returnUrl: Rig.Receiver.ReturnUrl);

        using var paid = await Rig.Host.PayAsync(created["syssn"]);

        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Rig.Host.Deliveries, Is.Empty);
    }

    [Test]
    public async Task An_800107_payment_is_paid_through_the_same_cashier_endpoint()
    {
        var fields = SimulatorClient.PaymentFields("NOP-42-1", payType: "800107");
        fields["openid"] = "2088802811715388";
        fields["notify_url"] = Rig.Receiver.NotifyUrl.ToString();
        var created = await Rig.Client.PostAsync("trade/v1/payment", fields);

        using var paid = await Rig.Host.PayAsync(created["syssn"]);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.That(Rig.Receiver.Notifications.Single().Body, Does.Contain("\"pay_type\": \"800107\""));
    }

    [Test]
    public async Task An_unknown_payment_has_no_cashier_page()
    {
        using var browser = new HttpClient { BaseAddress = Rig.Host.BaseAddress };

        using var page = await browser.GetAsync("cashier/12345678901234567890123456");
        using var paid = await Rig.Host.PayAsync("12345678901234567890123456");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Notifications_to_hosts_beyond_this_machine_are_refused_unless_allowed()
    {
        var created = await Rig.Client.CreatePaymentAsync("NOP-43-1", notifyUrl: new Uri("http://shop.example.com/notify"));

        using var paid = await Rig.Host.PayAsync(created["syssn"]);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        var delivery = Rig.Host.Deliveries.Single();
        Assert.That(delivery.StatusCode, Is.Null);
        Assert.That(delivery.Error, Does.Contain("loopback"));
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"")]
    private static partial Regex FormAction();
}
