using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Services.Orders;
using Nop.Web.Framework;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Payments.QfPayAlipay.Components;

/// <summary>
/// The widget in the admin order page's zone AdminWidgetZones.OrderDetailsBlock: the order's Alipay (QFPay) attempts
/// and refunds with a "Check status now" button, and a refund button on each payment the order does not keep. Renders
/// nothing for orders paid another way, and nothing for vendors, who have no payment actions on the order page.
/// </summary>
public class OrderPaymentStatusViewComponent : NopViewComponent
{
    private readonly OrderPaymentStatusModelFactory _modelFactory;
    private readonly IOrderService _orderService;
    private readonly IWorkContext _workContext;

    public OrderPaymentStatusViewComponent(OrderPaymentStatusModelFactory modelFactory, IOrderService orderService, IWorkContext workContext)
    {
        _modelFactory = modelFactory;
        _orderService = orderService;
        _workContext = workContext;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var orderId = OrderIdOf(additionalData) ?? OrderIdFromRoute();
        if (orderId is not > 0 || await _workContext.GetCurrentVendorAsync() is not null)
            return Content(string.Empty);

        var order = await _orderService.GetOrderByIdAsync(orderId.Value);
        if (order is null || !string.Equals(order.PaymentMethodSystemName, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return Content(string.Empty);

        var checkUrl = Url.Action(nameof(QfPayOrderStatusController.CheckStatus), QfPayOrderStatusController.Name,
            new { area = AreaNames.ADMIN, orderId = order.Id }) ?? string.Empty;
        var model = await _modelFactory.PrepareAsync(order.Id, checkUrl,
            attemptId => Url.Action(nameof(QfPayOrderStatusController.RefundPayment), QfPayOrderStatusController.Name,
                new { area = AreaNames.ADMIN, orderId = order.Id, attemptId }) ?? string.Empty,
            HttpContext.RequestAborted);
        return View(QfPayAlipayDefaults.ViewPath("OrderPaymentStatus"), model);
    }

    // The zone passes the admin's OrderModel (assembly Nop.Web, which the plugin does not reference): its Id is read
    // by name, the way Razor would.
    private static int? OrderIdOf(object? additionalData) =>
        additionalData?.GetType().GetProperty("Id")?.GetValue(additionalData) is int id ? id : null;

    private int? OrderIdFromRoute() =>
        int.TryParse(Convert.ToString(RouteData?.Values["id"], CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
