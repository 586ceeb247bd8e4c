using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// The admin order page's Alipay (QFPay) actions: "Check status now" (asks QFPay about the order's open payments and
/// refunds and applies the answers like the reconciliation task) and "Refund this duplicate payment". Both can change
/// the order or move money, so they need the right to edit orders and, as nopCommerce's own payment actions on the
/// order page (capture, refund, mark as paid), are not open to vendors.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class QfPayOrderStatusController : BasePluginController
{
    public const string Name = "QfPayOrderStatus";

    private readonly OrderStatusChecker _checker;
    private readonly INotificationService _notificationService;
    private readonly RefundService _refunds;
    private readonly LocalizedTexts _texts;
    private readonly IWorkContext _workContext;

    public QfPayOrderStatusController(OrderStatusChecker checker,
        INotificationService notificationService,
        RefundService refunds,
        LocalizedTexts texts,
        IWorkContext workContext)
    {
        _checker = checker;
        _notificationService = notificationService;
        _refunds = refunds;
        _texts = texts;
        _workContext = workContext;
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CheckStatus(int orderId)
    {
        if (await _workContext.GetCurrentVendorAsync() is not null)
            return await VendorRefusedAsync(orderId);

        foreach (var line in await _checker.CheckAsync(orderId, HttpContext.RequestAborted))
        {
            if (line.Level == StatusCheckLevel.Warning)
                _notificationService.WarningNotification(line.Text);
            else
                _notificationService.SuccessNotification(line.Text);
        }

        return BackToOrder(orderId);
    }

    /// <summary>"Refund this duplicate payment" (or "Refund this payment"): the whole of a payment the order does not keep.</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> RefundPayment(int orderId, int attemptId)
    {
        if (await _workContext.GetCurrentVendorAsync() is not null)
            return await VendorRefusedAsync(orderId);

        var submission = await _refunds.RefundMoneyToReturnAsync(orderId, attemptId, HttpContext.RequestAborted);
        if (submission.State is RefundSubmissionState.Succeeded or RefundSubmissionState.AlreadyRecorded)
            _notificationService.SuccessNotification(submission.Text);
        else
            _notificationService.WarningNotification(submission.Text);

        return BackToOrder(orderId);
    }

    private async Task<IActionResult> VendorRefusedAsync(int orderId)
    {
        _notificationService.WarningNotification(await _texts.GetAsync(OrderStatusTexts.VendorNotAllowed));
        return BackToOrder(orderId);
    }

    private RedirectToActionResult BackToOrder(int orderId) => RedirectToAction("Edit", "Order", new { area = AreaNames.ADMIN, id = orderId });
}
