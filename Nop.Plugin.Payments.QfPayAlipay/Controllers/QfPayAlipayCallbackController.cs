using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// 800107: where Alipay's silent authorisation comes back (<c>GET Plugins/QfPayAlipay/AlipayCallback?auth_code=..&amp;state=..</c>,
/// docs/qfpay-protocol.md §10.2 step 3). Anonymous by nature: only the signed state ties it to an order (<see cref="ServiceWindowCallback"/>).
/// </summary>
public class QfPayAlipayCallbackController : BasePluginController
{
    private readonly ServiceWindowCallback _callback;
    private readonly IWebHelper _webHelper;

    public QfPayAlipayCallbackController(ServiceWindowCallback callback, IWebHelper webHelper)
    {
        _callback = callback;
        _webHelper = webHelper;
    }

    [HttpGet]
    public async Task<IActionResult> Callback([FromQuery(Name = "auth_code")] string? authCode, [FromQuery(Name = "state")] string? state,
        CancellationToken cancellationToken)
    {
        var outcome = await _callback.HandleAsync(authCode, state, cancellationToken);
        ShopperPageCaching.Forbid(Response);
        switch (outcome.Step)
        {
            case ServiceWindowStep.TradePay:
                var order = outcome.Order!;
                var urls = new CallbackUrls(_webHelper.GetStoreLocation());
                return View(QfPayAlipayDefaults.ViewPath("AlipayTradePay"),
                    new AlipayTradePayModel(order.Id, order.CustomOrderNumber ?? string.Empty, outcome.TradeNo!, urls.Status(order.OrderGuid),
                        QfPayScanController.PollSeconds));
            case ServiceWindowStep.Redirect:
                return Redirect(outcome.RedirectUrl!);
            case ServiceWindowStep.OrderNotPayable when outcome.Lookup!.Standing == OrderStanding.Paid:
                return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = outcome.Order!.Id });
            case ServiceWindowStep.OrderNotPayable when outcome.Lookup!.Standing == OrderStanding.Closed:
                return RedirectToRoute(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = outcome.Order!.Id });
            default:
                // Not a callback this shop started: say nothing about why.
                return BadRequest();
        }
    }
}
