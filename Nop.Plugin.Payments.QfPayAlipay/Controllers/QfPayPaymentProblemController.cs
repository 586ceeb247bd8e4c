using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// The page a shopper lands on when the payment could not be started or did not go through: what happened, in plain
/// words, and a way to "Retry payment" (nopCommerce's button on the order page, docs/nopcommerce.md §1.5). Addressed by the
/// order GUID, so it cannot be browsed by guessing order numbers, and it shows nothing but the order number.
/// </summary>
public class QfPayPaymentProblemController : BasePluginController
{
    private readonly ReturnPageDecider _decider;
    private readonly OrderOwnership _ownership;

    public QfPayPaymentProblemController(ReturnPageDecider decider, OrderOwnership ownership)
    {
        _decider = decider;
        _ownership = ownership;
    }

    [HttpGet]
    public async Task<IActionResult> Show(Guid orderGuid, CancellationToken cancellationToken)
    {
        var decision = await _decider.ForProblemAsync(orderGuid, cancellationToken);
        switch (decision.Kind)
        {
            case ReturnPageKind.Completed:
                return await PaidOrderPage.ForAsync(this, _ownership, decision.OrderId);

            case ReturnPageKind.Problem:
                ShopperPageCaching.Forbid(Response);
                return View(QfPayAlipayDefaults.ViewPath("PaymentProblem"),
                    new PaymentProblemModel(decision.OrderId, decision.CustomOrderNumber ?? string.Empty,
                        decision.Problem ?? PaymentProblemKind.NotStarted, decision.CanRetry));

            default:
                return RedirectToRoute(NopRouteNames.General.HOMEPAGE);
        }
    }
}
