using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// GET Plugins/QfPayAlipay/Status/{orderGuid}: what the desktop page polls. Answers from the shop's records and, for an
/// open attempt, a throttled query to QFPay (<see cref="PaymentStatusReporter"/>). Says nothing but the state and where
/// to go next: no amounts, no QFPay numbers, no pay_url.
/// </summary>
public class QfPayStatusController : BasePluginController
{
    private readonly PaymentStatusReporter _reporter;

    public QfPayStatusController(PaymentStatusReporter reporter)
    {
        _reporter = reporter;
    }

    [HttpGet]
    public async Task<IActionResult> Status(Guid orderGuid, CancellationToken cancellationToken)
    {
        ShopperPageCaching.Forbid(Response);
        var status = await _reporter.ReportAsync(orderGuid, cancellationToken);
        if (status.State == ShopperPaymentState.NotFound)
            return NotFound();

        var model = new PaymentStatusModel(status.State.ToString().ToLowerInvariant(), status.State switch
        {
            ShopperPaymentState.Paid => Url.RouteUrl(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = status.OrderId }),
            ShopperPaymentState.Failed or ShopperPaymentState.Problem or ShopperPaymentState.Closed =>
                Url.RouteUrl(QfPayAlipayDefaults.Routes.PaymentProblem, new { orderGuid = status.OrderGuid }),
            _ => null,
        });

        // Serialized here rather than by MVC's formatter, whose naming policy is the host's choice: the page relies on
        // these exact property names.
        return Content(ScriptSafeJson.Serialize(model), "application/json");
    }
}
