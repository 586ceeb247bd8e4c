using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

/// <summary>Reference surface (subset): order persistence.</summary>
public partial interface IOrderService
{
    Task<Order> GetOrderByIdAsync(int orderId);

    Task<Order> GetOrderByCustomOrderNumberAsync(string customOrderNumber);

    Task<Order> GetOrderByGuidAsync(Guid orderGuid);

    Task UpdateOrderAsync(Order order);

    Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null);

    Task InsertOrderNoteAsync(OrderNote orderNote);
}
