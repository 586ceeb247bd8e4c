using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

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
