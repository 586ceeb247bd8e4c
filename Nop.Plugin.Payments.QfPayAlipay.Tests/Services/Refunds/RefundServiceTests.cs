using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Refunds;

/// <summary>
/// The admin's Refund and Partial refund, through the payment method as nopCommerce calls it, against the simulator
/// over HTTP (docs/qfpay-protocol.md §8): what QFPay is sent, what nopCommerce is told, what the refund table keeps.
/// </summary>
public class RefundServiceTests() : ReconciliationRigFixture(Start)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 19, 1, 30, 0, TimeSpan.Zero);

    private IReadOnlyList<RecordedRequest> RefundCalls => Rig.Simulator!.Requests.Where(static r => r.Endpoint == SimulatorEndpoint.Refund).ToList();

    private int QueryCalls => Rig.Simulator!.Requests.Count(static r => r.Endpoint == SimulatorEndpoint.Query);

    [Test]
    public async Task A_full_refund_refunds_what_was_paid_and_tells_nopCommerce_the_order_is_refunded()
    {
        var (order, attempt) = await Rig.PaidOrderAsync(Node);

        var result = await Node.RefundThroughNopAsync(order, 128m, partial: false);

        var refund = Rig.Refunds.All.Single();
        var call = RefundCalls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(order.RefundedAmount, Is.EqualTo(128m));
            Assert.That(call.Form["syssn"], Is.EqualTo(attempt.Syssn));
            Assert.That(call.Form["txamt"], Is.EqualTo("12800"));
            Assert.That(call.Form["out_trade_no"], Is.EqualTo(refund.OutTradeNo));
            Assert.That(refund.OutTradeNo, Does.StartWith($"{order.CustomOrderNumber}-R1-"));
            Assert.That(refund.Status, Is.EqualTo(RefundStatus.Succeeded));
            Assert.That(refund.RefundSyssn, Is.Not.Null.And.Not.EqualTo(attempt.Syssn));
            Assert.That(refund.AmountMinor, Is.EqualTo(12800));
            Assert.That(refund.IsPartial, Is.False);
            Assert.That(Rig.Shop.NotesOf(order), Has.Some.Contains($"out_trade_no {refund.OutTradeNo}"));
        });
    }

    [Test]
    public async Task Partial_refunds_accumulate_and_one_beyond_what_was_paid_is_refused_before_any_call()
    {
        // Paid HKD 100.00 for an order whose total was since raised to 128 (nopCommerce would allow refunding 128).
        var (order, _) = await Rig.PaidOrderAsync(Node, amountMinor: 10000);
        order.OrderTotal = 128m;

        var first = await Node.RefundThroughNopAsync(order, 30m, partial: true);
        var second = await Node.RefundThroughNopAsync(order, 50m, partial: true);
        var callsBefore = Rig.Simulator!.Requests.Count;
        var third = await Node.RefundThroughNopAsync(order, 40m, partial: true);

        Assert.Multiple(() =>
        {
            Assert.That(first.Errors, Is.Empty);
            Assert.That(second.Errors, Is.Empty);
            Assert.That(second.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(RefundCalls.Select(static c => c.Form["txamt"]), Is.EqualTo(new[] { "3000", "5000" }));
            Assert.That(RefundCalls.Select(static c => c.Form["out_trade_no"]).Distinct().Count(), Is.EqualTo(2), "each refund its own number");
            Assert.That(third.Errors.Single(), Is.EqualTo("Refund not sent: 40 would bring this payment's refunds to 120, more than the 100 it paid. " +
                "What is left of this payment is HKD 20.00 of the HKD 100.00 it paid; refunds are counted in the payment's own terms, not at today's exchange rate."));
            Assert.That(Rig.Simulator.Requests, Has.Count.EqualTo(callsBefore), "refused before any HTTP call");
            Assert.That(Rig.Refunds.All, Has.Count.EqualTo(2));
            Assert.That(order.RefundedAmount, Is.EqualTo(80m));
        });
    }

    [Test]
    public async Task Refunding_the_rest_refunds_exactly_what_is_left_without_converting_again()
    {
        Rig.Shop.Currencies["HKD"].Rate = 1.0001m;
        var (order, _) = await Rig.PaidOrderAsync(Node);

        await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var rest = await Node.RefundThroughNopAsync(order, 100m, partial: true);

        Assert.Multiple(() =>
        {
            Assert.That(rest.Errors, Is.Empty);
            Assert.That(RefundCalls.Select(static c => c.Form["txamt"]), Is.EqualTo(new[] { "2800", "10000" }), "28 × 1.0001 rounds to 2800; the rest is what is left of the 12800 paid");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        });
    }

    [Test]
    public async Task A_1143_answer_is_settled_by_one_query_and_the_refund_is_sent_exactly_once()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.InProgress1143) { Times = 1 });

        var result = await Node.RefundThroughNopAsync(order, 28m, partial: true);

        var refund = Rig.Refunds.All.Single();
        Assert.Multiple(() =>
        {
            Assert.That(RefundCalls.Single().Respcd, Is.EqualTo("1143"));
            Assert.That(QueryCalls, Is.EqualTo(1));
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(order.RefundedAmount, Is.EqualTo(28m));
            Assert.That(refund.Status, Is.EqualTo(RefundStatus.Succeeded));
            Assert.That(refund.RefundSyssn, Is.Not.Null, "learned from the query");
        });
    }

    [Test]
    public async Task A_1143_the_query_cannot_settle_stays_pending_nopCommerce_records_nothing_and_the_task_records_it_later()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.InProgress1143) { Times = 1 });
        Rig.Simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 1 });

        var result = await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var pending = Rig.Refunds.All.Single();
        var refundedAtFirst = order.RefundedAmount;

        Clock.Advance(TimeSpan.FromMinutes(3));
        await Node.RunReconciliationAsync();
        Clock.Advance(TimeSpan.FromMinutes(11));
        await Node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False, "an error makes nopCommerce record nothing");
            Assert.That(result.Errors.Single(), Does.StartWith("The refund of HKD 28.00 was submitted to QFPay").And.Contain(pending.OutTradeNo).And.Contain("Do not refund again"));
            Assert.That(pending.Status, Is.EqualTo(RefundStatus.Pending));
            Assert.That(refundedAtFirst, Is.Zero);

            Assert.That(RefundCalls, Has.Count.EqualTo(1), "never sent again");
            Assert.That(Rig.Refunds.All.Single().Status, Is.EqualTo(RefundStatus.Succeeded));
            Assert.That(order.RefundedAmount, Is.EqualTo(28m));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Rig.Shop.OrderProcessing.Verify(p => p.PartiallyRefundOfflineAsync(order, 28m), Times.Once());
            Assert.That(Rig.HealthEvents[0].Detail, Does.Contain("refunds: 1 recorded"));
        });
    }

    [Test]
    public async Task A_refund_while_another_awaits_confirmation_is_refused_and_nothing_is_sent()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.DropConnection) { Times = 1 });

        var lost = await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var again = await Node.RefundThroughNopAsync(order, 10m, partial: true);

        Assert.Multiple(() =>
        {
            Assert.That(lost.Errors.Single(), Does.Contain("submitted to QFPay"));
            Assert.That(again.Errors.Single(), Does.StartWith("Refund not sent: the refund").And.Contain("is still waiting for QFPay's confirmation"));
            Assert.That(RefundCalls, Has.Count.EqualTo(1));
            Assert.That(Rig.Refunds.All.Single().Status, Is.EqualTo(RefundStatus.Pending));
        });
    }

    [Test]
    public async Task A_refund_QFPay_never_received_is_closed_as_failed_after_the_grace_period_and_a_new_one_gets_a_new_number()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.DropConnection) { Times = 1 });

        var lost = await Node.RefundThroughNopAsync(order, 28m, partial: true);
        Clock.Advance(TimeSpan.FromMinutes(16));
        await Node.RunReconciliationAsync();
        var retried = await Node.RefundThroughNopAsync(order, 28m, partial: true);

        var refunds = Rig.Refunds.All;
        Assert.Multiple(() =>
        {
            Assert.That(lost.Success, Is.False);
            Assert.That(refunds[0].Status, Is.EqualTo(RefundStatus.Failed));
            Assert.That(refunds[0].LastMessage, Does.Contain("never made"));
            Assert.That(retried.Errors, Is.Empty);
            Assert.That(refunds[1].Status, Is.EqualTo(RefundStatus.Succeeded));
            Assert.That(refunds[1].OutTradeNo, Is.Not.EqualTo(refunds[0].OutTradeNo));
            Assert.That(refunds[1].Sequence, Is.EqualTo(2));
            Assert.That(order.RefundedAmount, Is.EqualTo(28m));
        });
    }

    [Test]
    public async Task An_order_without_a_paid_Alipay_payment_is_refused_without_a_call()
    {
        var order = Rig.Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;

        var result = await Node.RefundThroughNopAsync(order, 128m, partial: false);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Single(), Does.StartWith("Refund not sent: no paid Alipay (QFPay) payment"));
            Assert.That(Rig.Simulator!.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_second_refund_of_the_same_payment_on_thisNode_waits_for_the_lock()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Node.Locker.Setup(l => l.PerformActionWithLockAsync(RefundService.LockKey(Rig.Shop.Attempts.Single().Id), It.IsAny<TimeSpan>(), It.IsAny<Func<Task>>()))
            .ReturnsAsync(false);

        var result = await Node.RefundThroughNopAsync(order, 28m, partial: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Single(), Does.StartWith("Refund not sent: another refund of this payment is being submitted"));
            Assert.That(RefundCalls, Is.Empty);
        });
    }
}
