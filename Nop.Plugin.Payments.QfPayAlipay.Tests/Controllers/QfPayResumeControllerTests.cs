using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The resume route: the link shoppers copy or scan; it outlives any one pay_url (issue #7).</summary>
[TestFixture]
[NonParallelizable]
public class QfPayResumeControllerTests : SettableClockLiveShopFixture
{
    private int Payments => Shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Payment);

    [Test]
    public async Task Resuming_while_the_pay_url_is_still_open_reuses_it_without_asking_QFPay_again()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);
        Clock.Advance(TimeSpan.FromMinutes(20));

        var result = await Shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((result as RedirectResult)?.Url, Is.EqualTo(Shop.Attempts.Single().PayUrl));
        Assert.That(Payments, Is.EqualTo(1));
    }

    [Test]
    public async Task Resuming_after_the_pay_url_expired_makes_a_new_attempt_with_a_new_out_trade_no()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);
        var first = Shop.Attempts.Single();
        Clock.Advance(TimeSpan.FromMinutes(30) + PaymentStarter.RetryGrace + TimeSpan.FromSeconds(1));

        var result = await Shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        var attempts = Shop.Attempts.All.OrderBy(a => a.AttemptNumber).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(attempts[1].OutTradeNo, Is.Not.EqualTo(first.OutTradeNo));
            Assert.That(attempts[1].Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
            Assert.That((result as RedirectResult)?.Url, Is.EqualTo(attempts[1].PayUrl));
            Assert.That(attempts[1].PayUrl, Is.Not.EqualTo(first.PayUrl));
            Assert.That(attempts[0].Status, Is.EqualTo(PaymentAttemptStatus.Expired), "QFPay confirmed the old link unpaid before a new one was made");
            Assert.That(Payments, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_link_close_to_its_expiry_is_checked_with_QFPay_and_handed_out_again_rather_than_starting_a_second_payment()
    {
        Shop.Settings.PaymentExpiryMinutes = 10;
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);
        Clock.Advance(TimeSpan.FromMinutes(8));

        var result = await Shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        // The old link can still be paid for two minutes: a second payment now could charge the shopper twice.
        Assert.Multiple(() =>
        {
            Assert.That(Shop.Attempts.All.Count, Is.EqualTo(1));
            Assert.That(Payments, Is.EqualTo(1));
            Assert.That(Shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Query), Is.EqualTo(1));
            Assert.That((result as RedirectResult)?.Url, Is.EqualTo(Shop.Attempts.Single().PayUrl));
        });
    }

    [Test]
    public async Task Resuming_inside_an_in_app_browser_shows_the_guidance_page_and_asks_QFPay_nothing()
    {
        var order = Shop.AddOrder();

        var result = await Shop.ResumeAsync(order.OrderGuid, UserAgents.WeChatOnIPhone);

        Assert.That((result as RedirectResult)?.Url, Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/OpenInBrowser/{order.OrderGuid:D}"));
        Assert.That(Shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Resuming_a_paid_order_goes_to_the_completed_page()
    {
        var order = Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;

        var result = await Shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((result as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED));
        Assert.That(Shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Scanning_the_QR_code_again_with_the_phone_that_paid_says_paid_instead_of_going_home()
    {
        var order = Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;
        Shop.CurrentCustomer = new Customer { Id = 4242 };

        var result = await Shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((result as ViewResult)?.Model, Is.EqualTo(new PaidElsewhereModel(order.CustomOrderNumber)));
        Assert.That(Shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Resuming_a_cancelled_order_or_one_of_another_method_goes_to_the_order_details()
    {
        var cancelled = Shop.AddOrder();
        cancelled.OrderStatus = OrderStatus.Cancelled;
        var other = Shop.AddOrder();
        other.PaymentMethodSystemName = "Payments.CheckMoneyOrder";

        var first = await Shop.ResumeAsync(cancelled.OrderGuid, UserAgents.IPhoneSafari);
        var second = await Shop.ResumeAsync(other.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((first as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.ORDER_DETAILS));
        Assert.That((second as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.ORDER_DETAILS));
        Assert.That(Shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Resuming_an_unknown_order_goes_to_the_home_page()
    {
        var result = await Shop.ResumeAsync(Guid.NewGuid(), UserAgents.IPhoneSafari);

        Assert.That((result as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.General.HOMEPAGE));
    }
}
