using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Refunds;

/// <summary>
/// QFPay's refund notifications (docs/qfpay-protocol.md §6.7) as the simulator really sends them, handed to the handler the way the
/// notification route does after verifying the signature: idempotent, and never applying a refund nopCommerce did not make.
/// </summary>
public class RefundNotificationHandlerTests() : ReconciliationRigFixture(Start)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 19, 1, 30, 0, TimeSpan.Zero);

    private NotificationReceiver _receiver = null!;

    /// <summary>Runs after the base set-up has started the rig: payments opened from now on notify this receiver.</summary>
    [SetUp]
    public async Task StartReceiver()
    {
        _receiver = await NotificationReceiver.StartAsync();
        Rig.NotifyUrl = _receiver.NotifyUrl;
    }

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    private async Task<RefundNotification> RefundNotificationAsync(string refundSyssn)
    {
        await Rig.Simulator!.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(30));
        return _receiver.Notifications
            .Select(static n => QfPayNotification.Parse(n.RawBody).Notification)
            .OfType<RefundNotification>()
            .Single(n => n.Syssn == refundSyssn);
    }

    private Task<RefundNotificationResult> HandleAsync(RefundNotification notification) =>
        Node.InScopeAsync(services => services.GetRequiredService<RefundNotificationHandler>().HandleAsync(notification, new CandidateKey(Shop.StoreId, Rig.Shop.Settings.ClientKey!)));

    [Test]
    public async Task A_notification_of_a_refund_already_confirmed_changes_nothing_however_often_it_comes()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var refund = Rig.Refunds.All.Single();
        var notification = await RefundNotificationAsync(refund.RefundSyssn!);
        var notesBefore = Rig.Shop.Notes.Count;

        var first = await HandleAsync(notification);
        var second = await HandleAsync(notification);

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(RefundNotificationOutcome.AlreadyRecorded));
            Assert.That(second.Outcome, Is.EqualTo(RefundNotificationOutcome.AlreadyRecorded));
            Assert.That(first.Acknowledge && second.Acknowledge, Is.True, "QFPay gets SUCCESS and stops");
            Assert.That(order.RefundedAmount, Is.EqualTo(28m));
            Assert.That(Rig.Shop.Notes, Has.Count.EqualTo(notesBefore));
            Assert.That(Rig.Refunds.All.Single(), Is.EqualTo(refund).Using<QfPayRefund>(SameRow));
            Rig.Shop.OrderProcessing.Verify(p => p.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()), Times.Never());
        });
    }

    [Test]
    public async Task A_notification_confirms_a_pending_refund_once_and_its_duplicate_changes_nothing()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.InProgress1143) { Times = 1 });
        Rig.Simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 1 });
        var submitted = await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var refundRequests = Rig.Simulator.Requests.Count(static r => r.Endpoint == SimulatorEndpoint.Refund);
        var notification = await FirstRefundNotificationAsync();
        Clock.Advance(TimeSpan.FromMinutes(3));

        var first = await HandleAsync(notification);
        var afterFirst = (order.RefundedAmount, Notes: Rig.Shop.Notes.Count, Row: Rig.Refunds.All.Single());
        var duplicate = await HandleAsync(notification);

        Assert.Multiple(() =>
        {
            Assert.That(submitted.Success, Is.False, "nopCommerce recorded nothing at first");
            Assert.That(first.Outcome, Is.EqualTo(RefundNotificationOutcome.Recorded));
            Assert.That(afterFirst.RefundedAmount, Is.EqualTo(28m));
            Assert.That(afterFirst.Row.Status, Is.EqualTo(RefundStatus.Succeeded));
            Assert.That(afterFirst.Row.RefundSyssn, Is.EqualTo(notification.Syssn));
            Assert.That(duplicate.Outcome, Is.EqualTo(RefundNotificationOutcome.AlreadyRecorded));
            Assert.That(order.RefundedAmount, Is.EqualTo(28m), "not counted twice");
            Assert.That(Rig.Shop.Notes, Has.Count.EqualTo(afterFirst.Notes));
            Assert.That(Rig.Refunds.All.Single(), Is.EqualTo(afterFirst.Row).Using<QfPayRefund>(SameRow));
            Rig.Shop.OrderProcessing.Verify(p => p.PartiallyRefundOfflineAsync(order, 28m), Times.Once());
            Assert.That(refundRequests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_notification_arriving_while_the_refund_request_may_still_run_asks_QFPay_to_retry()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.InProgress1143) { Times = 1 });
        Rig.Simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 1 });
        await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var notification = await FirstRefundNotificationAsync();

        var result = await HandleAsync(notification);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RefundNotificationOutcome.RetryLater));
            Assert.That(result.Acknowledge, Is.False);
            Assert.That(order.RefundedAmount, Is.Zero);
        });
    }

    [Test]
    public async Task A_refund_made_in_QFPays_portal_is_noted_on_its_order_once_and_not_applied()
    {
        var (order, attempt) = await Rig.PaidOrderAsync(Node);
        var portal = await Node.InScopeAsync(services => services.GetRequiredService<QfPayClient>().RefundAsync(Rig.Account,
            new RefundRequest { OriginalSyssn = attempt.Syssn!, OutTradeNo = "PORTAL-REFUND-1", AmountInMinorUnits = 1000 }));
        var notification = await RefundNotificationAsync(portal.EnsureSuccess().Syssn!);

        var first = await HandleAsync(notification);
        var second = await HandleAsync(notification);

        var notes = Rig.Shop.NotesOf(order).Where(static n => n.Contains("outside nopCommerce")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(RefundNotificationOutcome.ExternalNoted));
            Assert.That(second.Acknowledge, Is.True);
            Assert.That(notes, Has.Count.EqualTo(1));
            Assert.That(notes[0], Does.Contain("HKD 10.00").And.Contain(notification.Syssn).And.Contain("NOT recorded"));
            Assert.That(order.RefundedAmount, Is.Zero);
            Assert.That(Rig.Refunds.All, Is.Empty);
            Rig.Shop.OrderProcessing.Verify(p => p.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()), Times.Never());
        });
    }

    [Test]
    public async Task A_notification_whose_amount_differs_from_the_refund_is_noted_once_and_not_recorded()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.InProgress1143) { Times = 1 });
        Rig.Simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 1 });
        await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var altered = await FirstRefundNotificationAsync() with { AmountInMinorUnits = 2900 };
        Clock.Advance(TimeSpan.FromMinutes(3));

        var first = await HandleAsync(altered);
        var second = await HandleAsync(altered);

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(RefundNotificationOutcome.Mismatch));
            Assert.That(second.Outcome, Is.EqualTo(RefundNotificationOutcome.Mismatch));
            Assert.That(Rig.Shop.NotesOf(order).Count(static n => n.Contains("it is NOT recorded")), Is.EqualTo(1));
            Assert.That(order.RefundedAmount, Is.Zero);
            Assert.That(Rig.Refunds.All.Single().Status, Is.EqualTo(RefundStatus.Pending));
        });
    }

    private async Task<RefundNotification> FirstRefundNotificationAsync()
    {
        await Rig.Simulator!.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(30));
        return _receiver.Notifications.Select(static n => QfPayNotification.Parse(n.RawBody).Notification).OfType<RefundNotification>().First();
    }

    private static bool SameRow(QfPayRefund a, QfPayRefund b) =>
        a.Status == b.Status && a.RefundSyssn == b.RefundSyssn && a.LastMessage == b.LastMessage && a.UpdatedOnUtc == b.UpdatedOnUtc;
}
