using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// "Check status now" on the admin order page (Admin/QfPayOrderStatus/CheckStatus?orderId=...): asks QFPay about the
/// order's open payments and refunds, applies the answers like the reconciliation task, and shows the outcome as admin
/// notifications on the order page. It can mark an order paid or record a refund, so it needs the right to edit orders.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class QfPayOrderStatusController : BasePluginController
{
    public const string Name = "QfPayOrderStatus";

    private readonly OrderStatusChecker _checker;
    private readonly INotificationService _notificationService;

    public QfPayOrderStatusController(OrderStatusChecker checker, INotificationService notificationService)
    {
        _checker = checker;
        _notificationService = notificationService;
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CheckStatus(int orderId)
    {
        foreach (var line in await _checker.CheckAsync(orderId, HttpContext.RequestAborted))
        {
            switch (line.Level)
            {
                case StatusCheckLevel.Success:
                    _notificationService.SuccessNotification(line.Text);
                    break;
                case StatusCheckLevel.Warning:
                    _notificationService.WarningNotification(line.Text);
                    break;
                default:
                    _notificationService.SuccessNotification(line.Text);
                    break;
            }
        }

        return RedirectToAction("Edit", "Order", new { area = AreaNames.ADMIN, id = orderId });
    }
}
