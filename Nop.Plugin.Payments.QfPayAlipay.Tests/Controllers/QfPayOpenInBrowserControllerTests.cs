using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The in-app browser page: guidance and a resume link instead of a pay_url that dead-ends (issue #7).</summary>
[TestFixture]
[NonParallelizable]
public class QfPayOpenInBrowserControllerTests : LiveShopFixture
{
    [Test]
    public async Task Checkout_inside_WeChat_leads_to_the_open_in_browser_page_instead_of_the_pay_url()
    {
        var order = Shop.AddOrder();

        var checkout = await Shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);

        Assert.That(checkout.Response.StatusCode, Is.EqualTo(302));
        Assert.That(checkout.Response.Headers.Location.ToString(),
            Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/OpenInBrowser/{order.OrderGuid:D}"));
        Assert.That(Shop.Attempts.Single().PayUrl, Is.Not.Null, "the payment is started all the same, for the resume link to reuse");
    }

    [Test]
    public async Task The_page_links_to_the_resume_route_and_never_to_the_pay_url()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.WeChatOnIPhone);

        var page = await Shop.OpenInBrowserPageAsync(order.OrderGuid, UserAgents.WeChatOnIPhone);

        var model = (page as ViewResult)?.Model as OpenInBrowserModel;
        Assert.That(model, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(((ViewResult)page).ViewName, Is.EqualTo("~/Plugins/Payments.QfPayAlipay/Views/OpenInBrowser.cshtml"));
            Assert.That(model!.ResumeUrl, Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/Resume/{order.OrderGuid:D}"));
            Assert.That(model.ResumeUrl, Does.Not.Contain(Shop.Simulator.BaseAddress.Authority));
            Assert.That(model.StepsKey, Is.EqualTo(ShopperGuidanceTexts.OpenInBrowserStepsKey(InAppBrowserApp.WeChat)));
            Assert.That(model.LeadWithCopyLink, Is.False, "WeChat has Open in Browser in its menu");
            Assert.That(model.CustomOrderNumber, Is.EqualTo(order.CustomOrderNumber));
        });
    }

    [Test]
    public async Task Opened_in_the_phones_own_browser_the_page_goes_straight_on_to_the_resume_route()
    {
        var order = Shop.AddOrder();

        var page = await Shop.OpenInBrowserPageAsync(order.OrderGuid, UserAgents.IPhoneSafari);

        Assert.That((page as RedirectResult)?.Url, Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/Resume/{order.OrderGuid:D}"));
    }

    [Test]
    public async Task The_page_of_a_paid_order_forwards_to_the_completed_page()
    {
        var order = Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;

        var page = await Shop.OpenInBrowserPageAsync(order.OrderGuid, UserAgents.WeChatOnIPhone);

        Assert.That((page as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED));
    }

    [Test]
    public async Task An_unknown_order_guid_goes_to_the_home_page()
    {
        var page = await Shop.OpenInBrowserPageAsync(Guid.NewGuid(), UserAgents.WeChatOnIPhone);

        Assert.That((page as RedirectToRouteResult)?.RouteName, Is.EqualTo(NopRouteNames.General.HOMEPAGE));
    }
}
