using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Components;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Components;

/// <summary>The Alipay (QFPay) block on the admin order page.</summary>
public class OrderPaymentStatusViewComponentTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Orders_paid_another_way_get_no_block()
    {
        await using var rig = ReconciliationRig.WithHandler(new JumpingClock(Start), static () => new HttpClientHandler());
        var node = rig.NewNode();
        var order = rig.Shop.AddOrder();
        order.PaymentMethodSystemName = "Payments.CheckMoneyOrder";

        var result = await node.InScopeAsync(services =>
            ActivatorUtilities.CreateInstance<OrderPaymentStatusViewComponent>(services).InvokeAsync("admin_order_details_block", new { Id = order.Id }));

        Assert.That(result, Is.InstanceOf<ContentViewComponentResult>().With.Property(nameof(ContentViewComponentResult.Content)).Empty);
    }

    [Test]
    public async Task The_block_lists_the_orders_attempts_and_refunds_in_the_admins_words()
    {
        await using var rig = ReconciliationRig.WithHandler(new JumpingClock(Start), static () => new HttpClientHandler());
        var node = rig.NewNode();
        var order = rig.Shop.AddOrder();
        var attempt = rig.Shop.SeedAttempt(order, status: PaymentAttemptStatus.Paid);
        order.PaymentStatus = PaymentStatus.Paid;
        await rig.Refunds.InsertAsync(new QfPayRefund
        {
            OrderId = order.Id, StoreId = order.StoreId, PaymentAttemptId = attempt.Id, PaymentSyssn = attempt.Syssn!, Sequence = 1,
            OutTradeNo = "10025-R1-ABCDEF", AmountMinor = 2800, CurrencyCode = "HKD", AmountPrimary = 28m, IsPartial = true,
            Status = RefundStatus.Pending, CreatedOnUtc = Start.UtcDateTime, UpdatedOnUtc = Start.UtcDateTime,
        });

        var model = await node.InScopeAsync(services =>
            services.GetRequiredService<OrderPaymentStatusModelFactory>().PrepareAsync(order.Id, "/Admin/QfPayOrderStatus/CheckStatus?orderId=1"));

        Assert.Multiple(() =>
        {
            Assert.That(model.Attempts.Single().OutTradeNo, Is.EqualTo(attempt.OutTradeNo));
            Assert.That(model.Attempts.Single().Amount, Is.EqualTo("HKD 128.00"));
            Assert.That(model.Attempts.Single().Status, Is.EqualTo("Paid"));
            Assert.That(model.Refunds.Single().Status, Is.EqualTo("Awaiting QFPay's confirmation"));
            Assert.That(model.Refunds.Single().IsPending, Is.True);
            Assert.That(model.Texts.CheckNow, Is.EqualTo("Check status now"));
            Assert.That(model.CheckStatusUrl, Does.Contain("CheckStatus"));
        });
    }
}
