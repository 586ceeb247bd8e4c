using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Reconciliation;

/// <summary>
/// The scheduled task against the simulator over HTTP, on a fake clock shared by the shop and the simulator: lost
/// notifications, interrupted settlements, and expiry (docs/qfpay-protocol.md §6.6, §7.6).
/// </summary>
public class ReconciliationTaskTests() : ReconciliationRigFixture(Start, ReconciliationRig.DropNotifications)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    private int Queries => Rig.Simulator!.Requests.Count(static r => r.Endpoint == SimulatorEndpoint.Query);

    [Test]
    public async Task A_payment_whose_notification_was_dropped_is_marked_paid_on_the_next_run()
    {
        var (order, attempt) = await Rig.OpenPaymentAsync(Node, pay: true);
        Clock.Advance(TimeSpan.FromMinutes(6));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Rig.Simulator!.Deliveries, Is.Empty, "QFPay's notification never arrived");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(attempt.Syssn));
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
            Assert.That(Rig.HealthEvents.Single().Kind, Is.EqualTo(IntegrationEventKind.ReconciliationRun));
            Assert.That(Rig.HealthEvents.Single().Detail, Does.StartWith("1 queries: 1 paid"));
        });
    }

    [Test]
    public async Task A_payment_younger_than_the_threshold_is_left_to_the_notification_and_the_return_page()
    {
        var (order, _) = await Rig.OpenPaymentAsync(Node, pay: true);
        Clock.Advance(TimeSpan.FromMinutes(2));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Queries, Is.Zero);
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task A_settlement_interrupted_by_a_crash_after_claiming_is_completed_on_the_next_run()
    {
        var (order, attempt) = await Rig.OpenPaymentAsync(Node, pay: true);
        // A node claimed the payment, wrote the transaction id on the order and died before marking it paid.
        Rig.Shop.Claims.SeedOpenClaim(attempt, Clock.Now.UtcDateTime);
        order.CaptureTransactionId = attempt.Syssn;
        Clock.Advance(TimeSpan.FromMinutes(6));

        await Node.RunReconciliationAsync();

        var claims = Rig.Shop.Claims.All;
        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(Rig.Shop.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(claims.Select(static c => c.ClaimKey), Is.EqualTo(new[] { SettlementClaimKeys.Order(order.Id) }));
            Assert.That(claims[0].CompletedOnUtc, Is.Not.Null, "taken over and completed");
            Assert.That(Rig.HealthEvents.Single().Detail, Does.Contain("1 interrupted settlements completed"));
            Assert.That(Queries, Is.EqualTo(1), "the interrupted attempt is queried once, not again among the open attempts");
        });
    }

    [Test]
    public async Task An_unpaid_payment_past_its_expiry_is_marked_expired_and_the_order_kept_when_auto_cancel_is_off()
    {
        var (order, _) = await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(50));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Expired));
            Assert.That(Rig.Shop.Attempts.Single().LastResponseCode, Is.EqualTo("1181"), "what the fresh query said");
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Pending));
            Rig.Shop.OrderProcessing.Verify(p => p.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>()), Times.Never());
        });
    }

    [Test]
    public async Task An_unpaid_payment_past_its_expiry_cancels_the_order_when_auto_cancel_is_on()
    {
        Rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, _) = await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(50));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Rig.Shop.OrderProcessing.Verify(p => p.CancelOrderAsync(order, false), Times.Once());
            Assert.That(Rig.Shop.NotesOf(order), Has.Some.Contains("order cancelled automatically"));
            Assert.That(Rig.HealthEvents.Single().Detail, Does.Contain("1 orders cancelled"));
        });
    }

    [Test]
    public async Task A_payment_past_its_own_expiry_is_expired_from_the_fresh_query_and_its_order_cancelled()
    {
        Rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, _) = await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(46));

        await Node.RunReconciliationAsync();

        var queries = Rig.Simulator!.Requests.Where(static r => r.Endpoint == SimulatorEndpoint.Query).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(queries.Select(static q => q.Respcd), Is.EqualTo(new[] { "0000" }), "QFPay's record says 1181 itself: no second query needed");
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Expired));
            Assert.That(Rig.Shop.Attempts.Single().LastMessage, Does.Contain("1181"));
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(Rig.Shop.NotesOf(order), Has.Some.Contains("expired unpaid"), "one note per attempt outcome");
        });
    }

    [Test]
    public async Task A_link_is_judged_by_the_expiry_it_was_sent_with_not_by_a_shorter_setting_made_later()
    {
        // Case 8 of "one order, one charge": the link was sent with QFPay's 30 minutes; the store now says 10. At 26
        // minutes the link still works, and reconciliation used to expire it and cancel the order.
        Rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, _) = await Rig.OpenPaymentAsync(Node);
        Rig.Shop.Settings.PaymentExpiryMinutes = 10;
        Clock.Advance(TimeSpan.FromMinutes(26));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Queries, Is.EqualTo(1), "asked once, as any open attempt, and left open");
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Pending));
        });
    }

    [Test]
    public async Task An_overdue_payment_is_not_expired_while_QFPay_cannot_be_asked()
    {
        Rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, _) = await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(46));
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 2 });

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Queries, Is.EqualTo(2));
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment), "age alone never expires it");
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Pending));
        });
    }

    [Test]
    public async Task A_late_payment_found_by_the_fresh_query_wins_over_cancellation()
    {
        Rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, attempt) = await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(29));
        (await Rig.Simulator!.PayAsync(attempt.Syssn!)).Dispose();
        Clock.Advance(TimeSpan.FromMinutes(30));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(order.OrderStatus, Is.Not.EqualTo(OrderStatus.Cancelled));
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
            Rig.Shop.OrderProcessing.Verify(p => p.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>()), Times.Never());
        });
    }

    [Test]
    public async Task An_order_with_another_attempt_still_open_is_not_cancelled()
    {
        Rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, _) = await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(50));
        // The shopper pressed "Retry payment" a minute ago.
        Rig.Shop.SeedAttempt(order, attemptNumber: 2);

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Rig.Shop.Attempts.All[0].Status, Is.EqualTo(PaymentAttemptStatus.Expired));
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Pending));
        });
    }

    [Test]
    public async Task An_attempt_queried_in_this_interval_is_not_queried_again_by_the_next_run()
    {
        await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(6));

        await Node.RunReconciliationAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Node.RunReconciliationAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Node.RunReconciliationAsync();

        Assert.That(Queries, Is.EqualTo(2), "ReconciliationIntervalMinutes is 10");
    }

    [Test]
    public async Task A_store_without_QFPay_credentials_is_skipped_without_calling_QFPay()
    {
        await Rig.OpenPaymentAsync(Node);
        Rig.Shop.Settings.ClientKey = null;
        Clock.Advance(TimeSpan.FromMinutes(6));

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Queries, Is.Zero);
            Assert.That(Rig.HealthEvents.Single().Detail, Does.Contain("1 skipped (store not configured)"));
        });
    }

    [Test]
    public async Task A_run_is_skipped_while_anotherNode_holds_the_lock()
    {
        await Rig.OpenPaymentAsync(Node);
        Clock.Advance(TimeSpan.FromMinutes(6));
        Node.Locker.Setup(l => l.PerformActionWithLockAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<Task>>())).ReturnsAsync(false);

        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Queries, Is.Zero);
            Assert.That(Rig.HealthEvents, Is.Empty);
        });
    }
}
