using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// The link shoppers copy out of an in-app browser or scan from the desktop page: works in any browser without a
/// session, reuses a pay_url that is still open or starts a new attempt (see <see cref="PaymentResumer"/>).
/// </summary>
public class QfPayResumeController : BasePluginController
{
    private readonly OrderOwnership _ownership;
    private readonly PaymentResumer _resumer;

    public QfPayResumeController(OrderOwnership ownership, PaymentResumer resumer)
    {
        _ownership = ownership;
        _resumer = resumer;
    }

    [HttpGet]
    public async Task<IActionResult> Resume(Guid orderGuid, CancellationToken cancellationToken)
    {
        // Every visit may call QFPay or hand out a live pay_url: nothing in between may cache it.
        ShopperPageCaching.Forbid(Response);
        var decision = await _resumer.ResumeAsync(orderGuid, ShopperBrowser.Of(Request), cancellationToken);
        // The QR code on the desktop page holds this link: the phone that paid may scan it again.
        if (decision.Standing == OrderStanding.Paid)
            return await PaidOrderPage.ForAsync(this, _ownership, decision.OrderId);

        return decision.Standing switch
        {
            OrderStanding.Payable when decision.RedirectUrl is { } url => Redirect(url),
            OrderStanding.Closed => RedirectToRoute(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = decision.OrderId }),
            _ => RedirectToRoute(NopRouteNames.General.HOMEPAGE),
        };
    }
}
