using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

[TestFixture]
public sealed class FaultRuleTests : SimulatorRigFixture
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private Task<SimulatorReply> FindAsync(string outTradeNo) =>
        Rig.Client.QueryAsync(new Dictionary<string, string> { ["out_trade_no"] = outTradeNo });

    [Test]
    public async Task An_Http429_rule_for_one_request_answers_429_once_and_then_lets_requests_through()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Http429) { Times = 1 });

        var limited = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-90-1"));
        var retried = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-90-1"));

        Assert.Multiple(() =>
        {
            Assert.That(limited.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(retried.Respcd, Is.EqualTo("0000"), "a 429 creates nothing, so the same number is still free");
            Assert.That(Rig.Host.Requests.Select(request => request.Fault), Is.EqualTo(new FaultKind?[] { FaultKind.Http429, null }));
            Assert.That(Rig.Host.Requests[0].HttpStatus, Is.EqualTo(429));
        });
    }

    [Test]
    public async Task An_Http5xx_rule_answers_503_by_default_and_creates_nothing()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Http5xx) { Times = 1 });

        var failed = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-91-1"));
        var query = await FindAsync("NOP-91-1");

        Assert.That(failed.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(query.Records, Is.Empty);
    }

    [Test]
    public async Task An_Http5xx_rule_can_name_its_status_and_still_perform_the_refund_behind_it()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-92-1", 1000);
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.Http5xx) { StatusCode = 502, PerformOperation = true, Times = 1 });

        var failed = await Rig.Client.RefundAsync(syssn, "NOP-92-R1", 100);
        var query = await FindAsync("NOP-92-R1");

        Assert.That(failed.Status, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(query.Records.Single().GetProperty("order_type").GetString(), Is.EqualTo("refund"));
        Assert.That(Rig.Host.Requests.First(request => request.Endpoint == SimulatorEndpoint.Refund).Respcd, Is.EqualTo("0000"));
    }

    [Test]
    public async Task A_timeout_outlasts_the_client_and_creates_no_payment()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Timeout) { Delay = TimeSpan.FromSeconds(3), Times = 1 });
        using var impatient = Rig.ClientFor(Rig.Host.DefaultMerchant, TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await impatient.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-93-1")),
            Throws.InstanceOf<TaskCanceledException>());
        var query = await FindAsync("NOP-93-1");

        Assert.That(query.Records, Is.Empty);
        Assert.That(Rig.Host.Requests[0].Fault, Is.EqualTo(FaultKind.Timeout));
        Assert.That(Rig.Host.Requests[0].HttpStatus, Is.Null);
    }

    [Test]
    public async Task A_timeout_that_performs_the_operation_leaves_a_payment_the_client_never_heard_about()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Timeout)
        {
            Delay = TimeSpan.FromSeconds(3),
            PerformOperation = true,
            OutTradeNo = "NOP-94-1",
        });
        using var impatient = Rig.ClientFor(Rig.Host.DefaultMerchant, TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await impatient.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-94-1")),
            Throws.InstanceOf<TaskCanceledException>());
        var query = await FindAsync("NOP-94-1");

        Assert.That(query.Records.Single().GetProperty("respcd").GetString(), Is.EqualTo("1143"));
    }

    [Test]
    public async Task A_held_request_ends_without_an_answer_when_the_hold_is_over()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Timeout) { Delay = TimeSpan.FromMilliseconds(200) });

        Assert.That(async () => await FindAsync("NOP-95-1"), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task An_InProgress1143_answer_still_creates_the_payment_that_a_query_then_finds()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.InProgress1143) { Times = 1 });

        var created = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-96-1"));
        var query = await FindAsync("NOP-96-1");
        var resent = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-96-1"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Respcd, Is.EqualTo("1143"));
            Assert.That(created.Json.TryGetProperty("syssn", out _), Is.False);
            Assert.That(query.Records.Single().GetProperty("respcd").GetString(), Is.EqualTo("1143"));
            Assert.That(resent.Respcd, Is.EqualTo("1102"));
        });
    }

    [Test]
    public async Task A_dropped_connection_reaches_the_client_as_a_transport_error()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.DropConnection) { Times = 1 });

        Assert.That(async () => await Rig.Client.RefundAsync("20250318155400020012345678", "NOP-97-R1", 100),
            Throws.InstanceOf<HttpRequestException>());
        Assert.That(Rig.Host.Requests.Single().Fault, Is.EqualTo(FaultKind.DropConnection));
    }

    [Test]
    public async Task Latency_delays_the_answer_and_changes_nothing_else()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Latency) { Delay = TimeSpan.FromMilliseconds(400), Times = 1 });
        var watch = Stopwatch.StartNew();

        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-98-1"));

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390)));
        Assert.That(reply.Respcd, Is.EqualTo("0000"));
    }

    [Test]
    public async Task A_rule_for_one_out_trade_no_leaves_other_requests_alone()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Http429) { OutTradeNo = "NOP-99-2" });

        var other = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-99-1"));
        var target = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-99-2"));
        var targetAgain = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-99-2"));

        Assert.That(other.Respcd, Is.EqualTo("0000"));
        Assert.That(target.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(targetAgain.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "without Times the rule stays");
    }

    [Test]
    public async Task Faults_given_in_the_options_apply_for_the_whole_run_until_cleared()
    {
        await using var faulty = await SimulatorRig.StartAsync(options =>
            options.Faults.Add(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx)));

        var first = await faulty.Client.QueryAsync(new Dictionary<string, string>());
        var second = await faulty.Client.QueryAsync(new Dictionary<string, string>());
        faulty.Host.ClearFaults();
        var cleared = await faulty.Client.QueryAsync(new Dictionary<string, string>());

        Assert.That(new[] { first.Status, second.Status }, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(cleared.Respcd, Is.EqualTo("0000"));
    }

    [Test]
    public async Task A_dropped_notification_is_never_delivered()
    {
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DropNotification) { Times = 1 });
        var syssn = await Rig.CreatePaymentAsync("NOP-100-1");

        using var paid = await Rig.Host.PayAsync(syssn);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);
        var query = await FindAsync("NOP-100-1");

        Assert.That(Rig.Receiver.Notifications, Is.Empty);
        Assert.That(Rig.Host.Deliveries, Is.Empty);
        Assert.That(query.Records.Single().GetProperty("respcd").GetString(), Is.EqualTo("0000"), "paid all the same");
    }

    [Test]
    public async Task Duplicate_notifications_are_sent_at_once_when_asked_to_be_concurrent()
    {
        // Answers are held back long enough for all copies to be in flight together, even on a busy machine.
        Rig.Receiver.Fallback = ReceiverAnswer.Success with { Delay = TimeSpan.FromSeconds(1) };
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DuplicateNotifications) { Count = 3, Concurrent = true });
        var syssn = await Rig.CreatePaymentAsync("NOP-101-1");

        using var paid = await Rig.Host.PayAsync(syssn);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.Multiple(() =>
        {
            Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(3));
            Assert.That(Rig.Receiver.Notifications.Select(notification => notification.Body).Distinct().Count(), Is.EqualTo(1));
            Assert.That(Rig.Receiver.MaxConcurrentNotifications, Is.EqualTo(3));
            Assert.That(Rig.Host.Deliveries.Select(delivery => delivery.Copy), Is.EquivalentTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task Duplicate_notifications_are_sent_one_after_another_by_default()
    {
        Rig.Receiver.Fallback = ReceiverAnswer.Success with { Delay = TimeSpan.FromMilliseconds(50) };
        Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DuplicateNotifications));
        var syssn = await Rig.CreatePaymentAsync("NOP-102-1");

        using var paid = await Rig.Host.PayAsync(syssn);
        await Rig.Host.WaitForDeliveriesToSettleAsync(Settle);

        Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(2));
        Assert.That(Rig.Receiver.MaxConcurrentNotifications, Is.EqualTo(1));
    }

    [Test]
    public void A_rule_that_cannot_apply_to_its_endpoint_is_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Notification, FaultKind.Http429)), Throws.ArgumentException);
            Assert.That(() => Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.DropNotification)), Throws.ArgumentException);
            Assert.That(() => Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.InProgress1143)), Throws.ArgumentException);
            Assert.That(() => Rig.Host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Http429) { Times = 0 }), Throws.ArgumentException);
        });
    }

    [Test]
    public async Task The_control_API_adds_lists_and_clears_fault_rules()
    {
        using var http = new HttpClient { BaseAddress = Rig.Host.BaseAddress };

        using var added = await http.PostAsJsonAsync("_simulator/faults", new { endpoint = "payment", kind = "Http429", times = 1 });
        var listed = await http.GetStringAsync("_simulator/faults");
        var limited = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-103-1"));
        await http.PostAsJsonAsync("_simulator/faults", new { endpoint = "payment", kind = "Http5xx" });
        using var cleared = await http.DeleteAsync("_simulator/faults");
        var after = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-103-1"));
        using var refused = await http.PostAsJsonAsync("_simulator/faults", new { endpoint = "notification", kind = "Http429" });

        Assert.Multiple(() =>
        {
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(listed, Does.Contain("Http429"));
            Assert.That(limited.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after.Respcd, Is.EqualTo("0000"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task The_control_API_lists_recorded_requests_and_deliveries()
    {
        using var http = new HttpClient { BaseAddress = Rig.Host.BaseAddress };
        await Rig.CreatePaidPaymentAsync("NOP-104-1");

        using var requests = JsonDocument.Parse(await http.GetStringAsync("_simulator/requests"));
        using var deliveries = JsonDocument.Parse(await http.GetStringAsync("_simulator/deliveries"));

        var request = requests.RootElement.EnumerateArray().Single();
        Assert.That(request.GetProperty("endpoint").GetString(), Is.EqualTo("Payment"));
        Assert.That(request.GetProperty("form").GetProperty("out_trade_no").GetString(), Is.EqualTo("NOP-104-1"));
        Assert.That(request.GetProperty("respcd").GetString(), Is.EqualTo("0000"));
        Assert.That(deliveries.RootElement.EnumerateArray().Single().GetProperty("acknowledged").GetBoolean(), Is.True);
    }
}
