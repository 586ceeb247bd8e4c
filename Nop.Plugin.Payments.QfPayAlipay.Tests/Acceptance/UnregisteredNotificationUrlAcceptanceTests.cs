using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Payments;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Acceptance;

/// <summary>
/// Issue #13 item 9: QFPay posts notifications only to the URL registered for the app code, and this store's URL was
/// never registered. The simulator ignores every notify_url the plugin sends and notifies nobody; the store still
/// marks each paid order paid exactly once, by the return page (a shopper who comes back) and by reconciliation (a
/// shopper who does not), and the configure page shows why "Run now" waits five minutes.
/// </summary>
[TestFixture]
[NonParallelizable]
public class UnregisteredNotificationUrlAcceptanceTests() : ReconciliationRigFixture(Start, static options => options.NotifyUrlMode = NotifyUrlMode.RegisteredOnly)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    [SetUp]
    public void PointTheStoreAtAnAddressTheSimulatorCouldReach()
    {
        // A loopback notify_url: in the simulator's default mode every payment would record a delivery attempt to it.
        Rig.Shop.BaseUrl = "http://127.0.0.1:9/";
        Rig.Shop.HealthLog.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(IntegrationHealthReport.Empty);
        Rig.Shop.ScheduleTasks.Setup(t => t.GetTaskByTypeAsync(QfPayAlipayDefaults.ReconciliationTaskType)).ReturnsAsync(new Nop.Core.Domain.ScheduleTasks.ScheduleTask
        {
            Type = QfPayAlipayDefaults.ReconciliationTaskType,
            Seconds = QfPayAlipayDefaults.ReconciliationTaskSeconds,
            Enabled = true,
            LastStartUtc = Start.UtcDateTime,
        });
    }

    /// <summary>What core does after placing the order: PostProcessPaymentAsync from a phone browser.</summary>
    private Task<QfPayPaymentAttempt> CheckoutAsync(Order order) => Node.InScopeAsync(async services =>
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = UserAgents.IPhoneSafari;
        await PaymentMethodFactory.Create(services, new HttpContextAccessor { HttpContext = context })
            .PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        return Rig.Shop.Attempts.All.Single(a => a.OrderId == order.Id);
    });

    /// <summary>The wallet sends the shopper who placed the order back to the return page.</summary>
    private Task<IActionResult> ReturnAsync(QfPayPaymentAttempt attempt) => Node.InScopeAsync(async services =>
    {
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer());
        var ownership = ActivatorUtilities.CreateInstance<OrderOwnership>(services, workContext.Object);
        var controller = ActivatorUtilities.CreateInstance<QfPayReturnController>(services, ownership);
        controller.ControllerContext = LiveShop.ControllerContextFor(services);
        // No endpoint routing here: route results are looked at, not turned into URLs.
        controller.Url = Mock.Of<IUrlHelper>();
        return await controller.Return(attempt.OutTradeNo, CancellationToken.None);
    });

    private Task<Nop.Plugin.Payments.QfPayAlipay.Models.HealthModel> HealthCardAsync() =>
        Node.InScopeAsync(async services => (await services.GetRequiredService<ConfigurationModelFactory>().PrepareModelAsync(0)).Health);

    [Test]
    public async Task Paid_orders_are_settled_by_the_return_page_and_by_reconciliation_although_no_notification_ever_arrives()
    {
        var returning = Rig.Shop.AddOrder(128m);
        var leaving = Rig.Shop.AddOrder(64m);
        var returningAttempt = await CheckoutAsync(returning);
        var leavingAttempt = await CheckoutAsync(leaving);

        // Both shoppers pay in the wallet; one comes back to the store, the other closes the browser.
        (await Rig.Simulator!.PayAsync(returningAttempt.Syssn!)).Dispose();
        (await Rig.Simulator.PayAsync(leavingAttempt.Syssn!)).Dispose();
        var returnPage = await ReturnAsync(returningAttempt);

        // "Run now" at once: the other attempt is too young to ask about, and the health card says so.
        await Node.RunReconciliationAsync();
        var cardBefore = await HealthCardAsync();
        var leavingBefore = leaving.PaymentStatus;

        Clock.Advance(TimeSpan.FromMinutes(6));
        await Node.RunReconciliationAsync();
        await Rig.Simulator.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(Rig.Simulator.Requests.Where(static r => r.Endpoint == SimulatorEndpoint.Payment).Select(static r => r.Form["notify_url"]),
                Is.All.EqualTo("http://127.0.0.1:9/Plugins/QfPayAlipay/Notify"), "the plugin sent its notify_url every time");
            Assert.That(Rig.Simulator.Deliveries, Is.Empty, "QFPay notified nobody");

            Assert.That((returnPage as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED));
            Assert.That(returning.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(returning.CaptureTransactionId, Is.EqualTo(returningAttempt.Syssn));

            Assert.That(leavingBefore, Is.EqualTo(PaymentStatus.Pending), "the first run leaves an attempt younger than five minutes alone");
            Assert.That((cardBefore.AttemptsTooRecentToQuery, cardBefore.TooRecentMinutes, cardBefore.LastNotification), Is.EqualTo((1, 5, (object?)null)));
            Assert.That(leaving.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(leaving.CaptureTransactionId, Is.EqualTo(leavingAttempt.Syssn));

            Assert.That(Rig.Shop.Attempts.All.Select(static a => a.Status), Is.All.EqualTo(PaymentAttemptStatus.Paid));
            Assert.That(Rig.Shop.MarkPaidCalls, Is.EqualTo(2), "each order marked paid exactly once");
        });
    }
}
