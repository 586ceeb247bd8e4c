using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The return page (return_url) and the problem page, against the simulator's query.</summary>
[TestFixture]
[NonParallelizable]
public class QfPayReturnControllerTests : LiveShopFixture
{
    private static readonly DateTimeOffset Start = SettableClock.HongKong(2025, 3, 18, 14, 0);

    private SettableClock _qfpayClock = null!;

    protected override Task<LiveShop> StartShopAsync()
    {
        _qfpayClock = new SettableClock(Start);
        return LiveShop.StartAsync(simulator: options => options.TimeProvider = _qfpayClock);
    }

    private async Task<IActionResult> ProblemPageAsync(Guid orderGuid)
    {
        await using var scope = Shop.Services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<QfPayPaymentProblemController>(scope.ServiceProvider);
        controller.ControllerContext = LiveShop.ControllerContextFor(scope.ServiceProvider);
        return await controller.Show(orderGuid, CancellationToken.None);
    }

    [Test]
    public async Task The_waiting_page_refreshes_itself_without_script_and_is_not_cached()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order);
        await using var scope = Shop.Services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<QfPayReturnController>(scope.ServiceProvider);
        controller.ControllerContext = LiveShop.ControllerContextFor(scope.ServiceProvider);

        var result = await controller.Return(Shop.Attempts.Single().OutTradeNo, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(((ViewResult)result).ViewName, Is.EqualTo("~/Plugins/Payments.QfPayAlipay/Views/PaymentPending.cshtml"));
        Assert.That(controller.Response.Headers["Refresh"].ToString(), Is.EqualTo("5"));
        Assert.That(controller.Response.Headers.CacheControl.ToString(), Does.Contain("no-store"));
    }

    [TestCase("nothing-like-ours")]
    [TestCase("")]
    [TestCase("<script>")]
    public async Task An_unknown_out_trade_no_goes_to_the_home_page_and_asks_QFPay_nothing(string outTradeNo)
    {
        var result = await Shop.ReturnAsync(outTradeNo);

        Assert.That((result as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.General.HOMEPAGE));
        Assert.That(Shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task A_payment_link_that_expired_unpaid_leads_to_the_problem_page_which_offers_a_retry()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order);
        _qfpayClock.Advance(TimeSpan.FromMinutes(31));

        var result = await Shop.ReturnAsync(Shop.Attempts.Single().OutTradeNo);
        var page = await ProblemPageAsync(order.OrderGuid);

        Assert.That((result as RedirectToRouteResult)?.RouteName, Is.EqualTo(QfPayAlipayDefaults.Routes.PaymentProblem));
        Assert.That(Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Expired));
        Assert.That((page as ViewResult)?.Model, Is.EqualTo(new PaymentProblemModel(order.Id, order.CustomOrderNumber, PaymentProblemKind.Expired, CanRetry: true)));
    }

    [Test]
    public async Task The_problem_page_of_a_paid_order_forwards_to_the_completed_page()
    {
        var order = Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;

        var page = await ProblemPageAsync(order.OrderGuid);

        Assert.That((page as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED));
    }

    [Test]
    public async Task The_phone_that_paid_someone_elses_order_is_told_it_is_paid_instead_of_being_sent_home()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);
        (await Shop.Simulator.PayAsync(Shop.Attempts.Single().Syssn!)).Dispose();
        Shop.CurrentCustomer = new Customer { Id = order.CustomerId + 4242 };

        var result = await Shop.ReturnAsync(Shop.Attempts.Single().OutTradeNo);

        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That((result as ViewResult)?.ViewName, Is.EqualTo("~/Plugins/Payments.QfPayAlipay/Views/PaidElsewhere.cshtml"));
            Assert.That((result as ViewResult)?.Model, Is.EqualTo(new PaidElsewhereModel(order.CustomOrderNumber)));
        });
    }

    [Test]
    public async Task The_customer_who_placed_the_order_still_goes_to_the_completed_page()
    {
        var order = Shop.AddOrder();
        order.CustomerId = 77;
        Shop.CurrentCustomer = new Customer { Id = 77 };
        await Shop.PostProcessAsync(order);
        (await Shop.Simulator.PayAsync(Shop.Attempts.Single().Syssn!)).Dispose();

        var result = await Shop.ReturnAsync(Shop.Attempts.Single().OutTradeNo);

        Assert.That(result, Is.TypeOf<RedirectToRouteResult>());
        Assert.That(((RedirectToRouteResult)result).RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED));
        Assert.That(((RedirectToRouteResult)result).RouteValues?["orderId"], Is.EqualTo(order.Id));
    }

    [Test]
    public async Task The_problem_page_of_a_paid_order_tells_another_browser_it_is_paid()
    {
        var order = Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;
        Shop.CurrentCustomer = new Customer { Id = 4242 };

        var page = await ProblemPageAsync(order.OrderGuid);

        Assert.That((page as ViewResult)?.Model, Is.EqualTo(new PaidElsewhereModel(order.CustomOrderNumber)));
    }

    [Test]
    public async Task The_problem_page_offers_no_retry_for_a_cancelled_order()
    {
        var order = Shop.AddOrder();
        order.OrderStatus = OrderStatus.Cancelled;
        Shop.SeedAttempt(order, status: PaymentAttemptStatus.Failed);

        var page = await ProblemPageAsync(order.OrderGuid);

        Assert.That(((page as ViewResult)?.Model as PaymentProblemModel)?.CanRetry, Is.False);
    }

    [Test]
    public async Task The_problem_page_of_an_unknown_order_goes_to_the_home_page()
    {
        var page = await ProblemPageAsync(Guid.NewGuid());

        Assert.That((page as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.General.HOMEPAGE));
    }

    [Test]
    public async Task Opening_the_waiting_page_again_at_once_does_not_query_QFPay_again()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order);
        var outTradeNo = Shop.Attempts.Single().OutTradeNo;

        for (var i = 0; i < 5; i++)
            await Shop.ReturnAsync(outTradeNo);

        Assert.That(Shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Query), Is.EqualTo(1));
    }
}
