using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

// What the shopper pages (return, resume, problem, scan, open-in-browser, status) share: no caching, and where they
// send the shopper instead of showing themselves once the order is paid or can no longer be paid.

/// <summary>
/// Keeps the plugin's shopper pages (and the status answer they poll) out of every cache: they show live payment
/// state and hand out payment links.
/// </summary>
/// <remarks>
/// nopCommerce's public layout renders forms with an antiforgery token, and ASP.NET Core's antiforgery then sets
/// Cache-Control "no-cache, no-store" and Pragma "no-cache" itself, logging a warning whenever the page had set a
/// Cache-Control without no-cache or another Pragma. These are exactly its values, so it finds nothing to override,
/// and no-store holds on pages that render no token.
/// </remarks>
internal static class ShopperPageCaching
{
    public const string CacheControl = "no-cache, no-store";

    public const string Pragma = "no-cache";

    public static void Forbid(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = CacheControl;
        response.Headers.Pragma = Pragma;
    }
}

/// <summary>
/// Where a paid order's shopper pages lead: the order's customer to nopCommerce's checkout completed page, any other
/// browser (which that page would send home) to the plugin's "Paid, go back to your computer" page.
/// </summary>
internal static class PaidOrderPage
{
    public static async Task<IActionResult> ForAsync(Controller controller, OrderOwnership ownership, int orderId)
    {
        var viewer = await ownership.ViewerOfAsync(orderId);
        if (viewer.PlacedByCurrentCustomer)
            return controller.RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId });

        ShopperPageCaching.Forbid(controller.Response);
        return controller.View(QfPayAlipayDefaults.ViewPath("PaidElsewhere"), new PaidElsewhereModel(viewer.CustomOrderNumber));
    }
}

/// <summary>
/// Where a shopper page addressed by order GUID (scan-to-pay, open-in-browser) sends the shopper instead of showing
/// itself, once the order can no longer be paid: a paid order to checkout completed, a closed one to its details, an
/// unknown GUID to the home page (saying nothing about it).
/// </summary>
internal static class UnpayableOrderRedirect
{
    /// <returns>The redirect, or null while the order may still be paid and the page should be shown.</returns>
    public static IActionResult? For(ControllerBase controller, OrderLookup lookup) => lookup.Standing switch
    {
        OrderStanding.Paid => controller.RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = lookup.Order!.Id }),
        OrderStanding.Closed => controller.RedirectToRoute(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = lookup.Order!.Id }),
        OrderStanding.NotFound => controller.RedirectToRoute(NopRouteNames.General.HOMEPAGE),
        _ => null,
    };
}
