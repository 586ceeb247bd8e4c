using System.Threading.Tasks;
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

/// <summary>Reference surface (subset): order state transitions.</summary>
public partial interface IOrderProcessingService
{
    Task CheckOrderStatusAsync(Order order);

    Task CancelOrderAsync(Order order, bool notifyCustomer);

    bool CanCancelOrder(Order order);

    bool CanMarkOrderAsPaid(Order order);

    Task MarkOrderAsPaidAsync(Order order);

    bool CanRefundOffline(Order order);

    Task RefundOfflineAsync(Order order);

    bool CanPartiallyRefundOffline(Order order, decimal amountToRefund);

    Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund);
}
