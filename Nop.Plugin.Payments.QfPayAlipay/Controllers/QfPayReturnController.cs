using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// return_url: where the wallet sends the shopper back. Decides from the shop's records and a query to QFPay, never
/// from the URL (see <see cref="ReturnPageDecider"/>), and never marks anything paid by itself.
/// </summary>
public class QfPayReturnController : BasePluginController
{
    /// <summary>A confirmation usually follows within seconds of paying (API.md §6.1).</summary>
    public const int RefreshSeconds = 5;

    private readonly ReturnPageDecider _decider;

    public QfPayReturnController(ReturnPageDecider decider)
    {
        _decider = decider;
    }

    [HttpGet]
    public async Task<IActionResult> Return(string outTradeNo, CancellationToken cancellationToken)
    {
        var decision = await _decider.ForReturnAsync(outTradeNo, cancellationToken);
        switch (decision.Kind)
        {
            case ReturnPageKind.Completed:
                return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = decision.OrderId });

            case ReturnPageKind.Problem:
                return RedirectToRoute(QfPayAlipayDefaults.Routes.PaymentProblem, new { orderGuid = decision.OrderGuid });

            case ReturnPageKind.Pending:
                // The header refreshes even where a theme drops the view's meta tag; no script is needed either way.
                Response.Headers["Refresh"] = RefreshSeconds.ToString(CultureInfo.InvariantCulture);
                ShopperPageCaching.Forbid(Response);
                return View(QfPayAlipayDefaults.ViewPath("PaymentPending"),
                    new PaymentPendingModel(decision.OrderId, decision.CustomOrderNumber ?? string.Empty, RefreshSeconds));

            default:
                return RedirectToRoute(NopRouteNames.General.HOMEPAGE);
        }
    }
}
