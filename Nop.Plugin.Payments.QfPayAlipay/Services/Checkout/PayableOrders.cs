using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>What a shopper page may do with the order behind a GUID.</summary>
public enum OrderStanding
{
    /// <summary>No such order (or deleted): the page says nothing about it.</summary>
    NotFound,

    /// <summary>Pending, this payment method, not cancelled: it may be paid.</summary>
    Payable,

    /// <summary>Paid (also when partly refunded since): the checkout completed page.</summary>
    Paid,

    /// <summary>Cancelled, refunded, another method: the order details page, which explains itself.</summary>
    Closed,
}

public sealed record OrderLookup(OrderStanding Standing, Order? Order);

/// <summary>
/// Finds the order behind a shopper page's GUID and says whether it may still be paid with this method. The pages need
/// no session: the GUID is the capability (as on the problem page), so a link copied into another browser works.
/// </summary>
public class PayableOrders
{
    private readonly IOrderService _orderService;

    public PayableOrders(IOrderService orderService)
    {
        _orderService = orderService;
    }

    public virtual async Task<OrderLookup> FindAsync(Guid orderGuid)
    {
        var order = orderGuid == Guid.Empty ? null : await _orderService.GetOrderByGuidAsync(orderGuid);
        if (order is null || order.Deleted)
            return new OrderLookup(OrderStanding.NotFound, null);

        if (!string.Equals(order.PaymentMethodSystemName, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return new OrderLookup(OrderStanding.Closed, order);

        if (order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded)
            return new OrderLookup(OrderStanding.Paid, order);

        return order.PaymentStatus == PaymentStatus.Pending && order.OrderStatus != OrderStatus.Cancelled
            ? new OrderLookup(OrderStanding.Payable, order)
            : new OrderLookup(OrderStanding.Closed, order);
    }
}
