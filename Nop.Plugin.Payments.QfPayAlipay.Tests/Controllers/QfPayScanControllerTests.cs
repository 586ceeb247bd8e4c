using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The desktop page: the payment link as a QR code for the shopper's phone (issue #7).</summary>
[TestFixture]
[NonParallelizable]
public class QfPayScanControllerTests : LiveShopFixture
{
    [Test]
    public async Task Checkout_on_a_desktop_leads_to_the_scan_page()
    {
        var order = Shop.AddOrder();

        var checkout = await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);

        Assert.That(checkout.Response.Headers.Location.ToString(), Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/Scan/{order.OrderGuid:D}"));
    }

    [Test]
    public async Task Checkout_in_a_phones_own_browser_still_goes_straight_to_the_pay_url()
    {
        var order = Shop.AddOrder();

        var checkout = await Shop.PostProcessAsync(order, UserAgents.IPhoneSafari);

        Assert.That(checkout.Response.Headers.Location.ToString(), Is.EqualTo(Shop.Attempts.Single().PayUrl));
    }

    /// <summary>Decoded with ZXing.Net (test project only), independently of QRCoder, which drew it.</summary>
    [Test]
    public async Task The_QR_code_decodes_to_the_payment_link_which_is_the_resume_route()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);

        var model = ((await Shop.ScanPageAsync(order.OrderGuid)) as ViewResult)?.Model as ScanToPayModel;

        Assert.That(model, Is.Not.Null);
        Assert.That(QrCodeReader.ReadDataUri(model!.QrCodeDataUri), Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/Resume/{order.OrderGuid:D}"));
        Assert.That(model.ResumeUrl, Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/Resume/{order.OrderGuid:D}"));
    }

    [Test]
    public async Task The_page_shows_the_charge_the_order_number_and_where_to_poll_but_no_pay_url()
    {
        var order = Shop.AddOrder(total: 1280m);
        await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);

        var model = ((await Shop.ScanPageAsync(order.OrderGuid)) as ViewResult)?.Model as ScanToPayModel;

        Assert.Multiple(() =>
        {
            Assert.That(model!.AmountText, Is.EqualTo("HKD 1,280.00"));
            Assert.That(model.CustomOrderNumber, Is.EqualTo(order.CustomOrderNumber));
            Assert.That(model.StatusUrl, Is.EqualTo($"{Shop.BaseUrl}Plugins/QfPayAlipay/Status/{order.OrderGuid:D}"));
            Assert.That(model.ToString(), Does.Not.Contain(Shop.Attempts.Single().PayUrl!));
        });
    }
}
