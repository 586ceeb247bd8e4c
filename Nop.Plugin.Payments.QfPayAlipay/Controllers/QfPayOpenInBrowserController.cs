using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// Shown instead of a pay_url inside in-app browsers (WeChat, Facebook, ...), which often block the jump to the Alipay
/// app (docs/qfpay-protocol.md §4.8): the steps to open the page in the phone's browser, and the plugin's resume link to copy.
/// </summary>
public class QfPayOpenInBrowserController : BasePluginController
{
    private readonly PayableOrders _orders;
    private readonly IWebHelper _webHelper;

    public QfPayOpenInBrowserController(PayableOrders orders, IWebHelper webHelper)
    {
        _orders = orders;
        _webHelper = webHelper;
    }

    [HttpGet]
    public async Task<IActionResult> Show(Guid orderGuid)
    {
        var lookup = await _orders.FindAsync(orderGuid);
        if (UnpayableOrderRedirect.For(this, lookup) is { } redirect)
            return redirect;

        var order = lookup.Order!;
        var resumeUrl = new CallbackUrls(_webHelper.GetStoreLocation()).Resume(order.OrderGuid);
        var browser = ShopperBrowser.Of(Request);

        // Opened in a real browser after all (the shopper followed the steps): straight on to the payment.
        if (browser.EffectiveKind != BrowserKind.InAppBrowser)
            return Redirect(resumeUrl);

        ShopperPageCaching.Forbid(Response);
        var stepsKey = browser.GuidanceKey ?? ShopperGuidanceTexts.OpenInBrowserStepsKey(InAppBrowserApp.Other)!;
        return View(QfPayAlipayDefaults.ViewPath("OpenInBrowser"),
            new OpenInBrowserModel(order.Id, order.CustomOrderNumber ?? string.Empty, resumeUrl, stepsKey, !browser.CanOpenInBrowserFromMenu));
    }
}
