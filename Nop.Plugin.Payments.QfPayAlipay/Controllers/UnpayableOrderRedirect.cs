using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

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
