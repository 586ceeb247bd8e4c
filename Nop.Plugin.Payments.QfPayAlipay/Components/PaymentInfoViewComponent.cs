using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.QfPayAlipay.Components;

/// <summary>
/// The checkout's payment-info step; shown only when the store does not skip it. There is nothing to
/// collect, so it tells the shopper what happens next.
/// </summary>
public class PaymentInfoViewComponent : NopViewComponent
{
    public IViewComponentResult Invoke()
    {
        return View(QfPayAlipayDefaults.ViewPath("PaymentInfo"));
    }
}
