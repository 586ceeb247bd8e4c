using Nop.Core;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

/// <summary>Whether the browser asking placed the order, and the order number it may be shown.</summary>
/// <param name="PlacedByCurrentCustomer">The request's customer is the order's customer.</param>
public sealed record OrderViewer(bool PlacedByCurrentCustomer, string CustomOrderNumber);

/// <summary>
/// Whether the browser asking is the order's customer. nopCommerce's checkout completed page sends anyone else to the
/// home page, and a payment is often finished in another browser than the order was placed in: the phone that scanned
/// the desktop's QR code, or Safari after an in-app browser.
/// </summary>
public class OrderOwnership
{
    private readonly IOrderService _orderService;
    private readonly IWorkContext _workContext;

    public OrderOwnership(IOrderService orderService, IWorkContext workContext)
    {
        _orderService = orderService;
        _workContext = workContext;
    }

    public virtual async Task<OrderViewer> ViewerOfAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null)
            return new OrderViewer(false, string.Empty);

        var customer = await _workContext.GetCurrentCustomerAsync();
        return new OrderViewer(customer is not null && customer.Id == order.CustomerId, order.CustomOrderNumber ?? string.Empty);
    }
}
