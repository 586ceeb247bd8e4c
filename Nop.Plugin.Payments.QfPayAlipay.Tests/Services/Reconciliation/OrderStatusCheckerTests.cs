using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Reconciliation;

/// <summary>"Check status now" on the admin order page: the task's query-and-settle for one order, at once.</summary>
public class OrderStatusCheckerTests() : ReconciliationRigFixture(Start, ReconciliationRig.DropNotifications)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    private Task<IReadOnlyList<StatusCheckLine>> CheckAsync(int orderId) =>
        Node.InScopeAsync(services => services.GetRequiredService<OrderStatusChecker>().CheckAsync(orderId));

    [Test]
    public async Task A_payment_paid_at_QFPay_is_settled_at_once_without_waiting_for_the_task()
    {
        var (order, attempt) = await Rig.OpenPaymentAsync(Node, pay: true);

        var lines = await CheckAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Single(), Is.EqualTo(new StatusCheckLine(StatusCheckLevel.Success, $"Payment {attempt.OutTradeNo}: QFPay confirms it is paid; the order is settled.")));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    [Test]
    public async Task An_unpaid_payment_is_reported_and_nothing_changes()
    {
        var (order, attempt) = await Rig.OpenPaymentAsync(Node);

        var lines = await CheckAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Single().Text, Is.EqualTo($"Payment {attempt.OutTradeNo}: not paid yet, or QFPay could not be asked right now; nothing changed."));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(Rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
        });
    }

    [Test]
    public async Task A_refund_awaiting_confirmation_is_confirmed_and_recorded()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);
        Rig.Simulator!.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.InProgress1143) { Times = 1 });
        Rig.Simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 1 });
        await Node.RefundThroughNopAsync(order, 28m, partial: true);
        var refund = Rig.Refunds.All.Single();

        var lines = await CheckAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(static l => l.Text), Has.Some.EqualTo($"Refund {refund.OutTradeNo}: QFPay confirms it; recorded on the order."));
            Assert.That(order.RefundedAmount, Is.EqualTo(28m));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        });
    }

    [Test]
    public async Task A_refund_made_outside_nopCommerce_is_reported_and_noted_but_not_recorded()
    {
        var (order, attempt) = await Rig.PaidOrderAsync(Node);
        await Node.InScopeAsync(services => services.GetRequiredService<QfPayClient>().RefundAsync(Rig.Account,
            new RefundRequest { OriginalSyssn = attempt.Syssn!, OutTradeNo = "PORTAL-REFUND-2", AmountInMinorUnits = 1000 }));

        var lines = await CheckAsync(order.Id);
        var again = await CheckAsync(order.Id);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Single(), Is.EqualTo(new StatusCheckLine(StatusCheckLevel.Warning,
                $"QFPay reports refunds of payment {attempt.OutTradeNo} that were not made in nopCommerce; see the order notes.")));
            Assert.That(Rig.Shop.NotesOf(order).Count(static n => n.Contains("outside nopCommerce")), Is.EqualTo(1), "noted once, however often the admin checks");
            Assert.That(again.Single().Level, Is.EqualTo(StatusCheckLevel.Warning));
            Assert.That(order.RefundedAmount, Is.Zero);
        });
    }

    [Test]
    public async Task An_order_with_nothing_open_says_so()
    {
        var (order, _) = await Rig.PaidOrderAsync(Node);

        var lines = await CheckAsync(order.Id);

        Assert.That(lines.Single(), Is.EqualTo(new StatusCheckLine(StatusCheckLevel.Information,
            "Nothing is waiting for QFPay on this order: no open payment and no unconfirmed refund.")));
    }

    [Test]
    public async Task An_unknown_order_is_reported_as_not_found()
    {
        var lines = await CheckAsync(999_999);

        Assert.That(lines.Single().Text, Is.EqualTo("The order was not found."));
    }
}
