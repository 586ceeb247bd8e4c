using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The resume route: the link shoppers copy or scan; it outlives any one pay_url (issue #7).</summary>
[TestFixture]
[NonParallelizable]
public class QfPayResumeControllerTests
{
    private SettableClock _clock = null!;
    private LiveShop _shop = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new SettableClock(DateTimeOffset.UtcNow);
        _shop = await LiveShop.StartAsync(clock: _clock);
    }

    [TearDown]
    public async Task StopAsync() => await _shop.DisposeAsync();

    private int Payments => _shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Payment);

    [Test]
    public async Task Resuming_while_the_pay_url_is_still_open_reuses_it_without_asking_QFPay_again()
    {
        var order = _shop.AddOrder();
        await _shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);
        _clock.Advance(TimeSpan.FromMinutes(20));

        var result = await _shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((result as RedirectResult)?.Url, Is.EqualTo(_shop.Attempts.Single().PayUrl));
        Assert.That(Payments, Is.EqualTo(1));
    }

    [Test]
    public async Task Resuming_after_the_pay_url_expired_makes_a_new_attempt_with_a_new_out_trade_no()
    {
        var order = _shop.AddOrder();
        await _shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);
        var first = _shop.Attempts.Single();
        _clock.Advance(TimeSpan.FromMinutes(31));

        var result = await _shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        var attempts = _shop.Attempts.All.OrderBy(a => a.AttemptNumber).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(attempts[1].OutTradeNo, Is.Not.EqualTo(first.OutTradeNo));
            Assert.That(attempts[1].Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
            Assert.That((result as RedirectResult)?.Url, Is.EqualTo(attempts[1].PayUrl));
            Assert.That(attempts[1].PayUrl, Is.Not.EqualTo(first.PayUrl));
            Assert.That(Payments, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_link_with_less_than_the_safety_margin_left_is_not_handed_out_again()
    {
        _shop.Settings.PaymentExpiryMinutes = 10;
        var order = _shop.AddOrder();
        await _shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);
        _clock.Advance(TimeSpan.FromMinutes(8));

        await _shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That(_shop.Attempts.All.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Resuming_inside_an_in_app_browser_shows_the_guidance_page_and_asks_QFPay_nothing()
    {
        var order = _shop.AddOrder();

        var result = await _shop.ResumeAsync(order.OrderGuid, UserAgents.WeChatOnIPhone);

        Assert.That((result as RedirectResult)?.Url, Is.EqualTo($"{_shop.BaseUrl}Plugins/QfPayAlipay/OpenInBrowser/{order.OrderGuid:D}"));
        Assert.That(_shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Resuming_a_paid_order_goes_to_the_completed_page()
    {
        var order = _shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;

        var result = await _shop.ResumeAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((result as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED));
        Assert.That(_shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Resuming_a_cancelled_order_or_one_of_another_method_goes_to_the_order_details()
    {
        var cancelled = _shop.AddOrder();
        cancelled.OrderStatus = OrderStatus.Cancelled;
        var other = _shop.AddOrder();
        other.PaymentMethodSystemName = "Payments.CheckMoneyOrder";

        var first = await _shop.ResumeAsync(cancelled.OrderGuid, UserAgents.IPhoneSafari);
        var second = await _shop.ResumeAsync(other.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((first as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.ORDER_DETAILS));
        Assert.That((second as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.ORDER_DETAILS));
        Assert.That(_shop.Simulator.Requests, Is.Empty);
    }

    [Test]
    public async Task Resuming_an_unknown_order_goes_to_the_home_page()
    {
        var result = await _shop.ResumeAsync(Guid.NewGuid(), UserAgents.IPhoneSafari);

        Assert.That((result as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.General.HOMEPAGE));
    }
}
