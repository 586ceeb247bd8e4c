using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// return_url: where the wallet sends the shopper back. Decides from the shop's records and a query to QFPay, never
/// from the URL (see <see cref="ReturnPageDecider"/>), and never marks anything paid by itself. A paid order leads its
/// customer to checkout completed and any other browser to "Paid, go back to your computer" (<see cref="PaidOrderPage"/>).
/// </summary>
public class QfPayReturnController : BasePluginController
{
    /// <summary>A confirmation usually follows within seconds of paying (docs/qfpay-protocol.md §6.1).</summary>
    public const int RefreshSeconds = 5;

    private readonly ReturnPageDecider _decider;
    private readonly OrderOwnership _ownership;

    public QfPayReturnController(ReturnPageDecider decider, OrderOwnership ownership)
    {
        _decider = decider;
        _ownership = ownership;
    }

    [HttpGet]
    public async Task<IActionResult> Return(string outTradeNo, CancellationToken cancellationToken)
    {
        var decision = await _decider.ForReturnAsync(outTradeNo, cancellationToken);
        switch (decision.Kind)
        {
            case ReturnPageKind.Completed:
                return await PaidOrderPage.ForAsync(this, _ownership, decision.OrderId);

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
