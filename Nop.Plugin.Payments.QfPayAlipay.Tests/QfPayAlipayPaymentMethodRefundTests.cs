using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.QfPayAlipay.Components;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Cms;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests;

/// <summary>What the payment method tells nopCommerce about refunds and the admin order page (docs/nopcommerce.md §1.5).</summary>
public class QfPayAlipayPaymentMethodRefundTests
{
    [Test]
    public async Task Full_and_partial_refunds_are_offered_and_the_order_page_gets_the_Alipay_block()
    {
        await using var rig = ReconciliationRig.WithHandler(new JumpingClock(DateTimeOffset.UnixEpoch), static () => new HttpClientHandler());
        var node = rig.NewNode();
        await using var scope = node.Services.CreateAsyncScope();
        var method = PaymentMethodFactory.Create(scope.ServiceProvider);

        Assert.Multiple(async () =>
        {
            Assert.That(method.SupportRefund, Is.True);
            Assert.That(method.SupportPartiallyRefund, Is.True);
            Assert.That(method, Is.InstanceOf<IWidgetPlugin>());
            Assert.That(await method.GetWidgetZonesAsync(), Is.EqualTo(new[] { AdminWidgetZones.OrderDetailsBlock }));
            Assert.That(method.GetWidgetViewComponent(AdminWidgetZones.OrderDetailsBlock), Is.EqualTo(typeof(OrderPaymentStatusViewComponent)));
        });
    }
}
