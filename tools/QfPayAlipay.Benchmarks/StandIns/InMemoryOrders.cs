using System.Collections.Concurrent;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Orders;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// nopCommerce's order services over a dictionary: what the notification route calls (read, update, can-mark and
/// mark paid with nopCommerce's rule, notes), at the cost of a dictionary rather than of a mocking framework. The rest
/// of the interfaces is not on the measured paths and says so.
/// </summary>
public sealed class InMemoryOrders : IOrderService, IOrderProcessingService
{
    private ConcurrentDictionary<int, Order> _orders = TableSize.New<int, Order>();
    private int _lastOrderId = 50_000;
    private int _markPaidCalls;
    private int _notes;

    public int MarkPaidCalls => Volatile.Read(ref _markPaidCalls);

    public int Notes => Volatile.Read(ref _notes);

    /// <summary>Forgets every order (between rounds, when no request is running); the counters go on.</summary>
    public void Reset() => _orders = TableSize.New<int, Order>();

    /// <summary>A placed, pending order of the plugin's payment method, as the test shop makes them.</summary>
    public Order Add()
    {
        var order = Shop.PendingOrder(Interlocked.Increment(ref _lastOrderId), 128m, DateTime.UtcNow);
        _orders[order.Id] = order;
        return order;
    }

    public Task<Order> GetOrderByIdAsync(int orderId) => Task.FromResult(_orders.GetValueOrDefault(orderId)!);

    public Task UpdateOrderAsync(Order order) => Task.CompletedTask;

    public Task InsertOrderNoteAsync(OrderNote orderNote)
    {
        Interlocked.Increment(ref _notes);
        return Task.CompletedTask;
    }

    public bool CanMarkOrderAsPaid(Order order) => Shop.CanMarkPaid(order);

    public Task MarkOrderAsPaidAsync(Order order)
    {
        Interlocked.Increment(ref _markPaidCalls);
        if (!CanMarkOrderAsPaid(order))
            throw new NopException("You can't mark this order as paid");

        order.PaymentStatus = PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        order.OrderStatus = OrderStatus.Processing;
        return Task.CompletedTask;
    }

    public Task<Order> GetOrderByCustomOrderNumberAsync(string customOrderNumber) => throw NotMeasured();

    public Task<Order> GetOrderByGuidAsync(Guid orderGuid) => throw NotMeasured();

    public Task<IPagedList<Order>> SearchOrdersAsync(int storeId = 0, int vendorId = 0, int customerId = 0, int productId = 0,
        int affiliateId = 0, int warehouseId = 0, int billingCountryId = 0, string paymentMethodSystemName = null!,
        DateTime? createdFromUtc = null, DateTime? createdToUtc = null, List<int> osIds = null!, List<int> psIds = null!,
        List<int> ssIds = null!, string billingPhone = null!, string billingEmail = null!, string billingLastName = "",
        string orderNotes = null!, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false) => throw NotMeasured();

    public Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null) => throw NotMeasured();

    public Task CheckOrderStatusAsync(Order order) => throw NotMeasured();

    public Task CancelOrderAsync(Order order, bool notifyCustomer) => throw NotMeasured();

    public bool CanCancelOrder(Order order) => throw NotMeasured();

    public bool CanRefundOffline(Order order) => throw NotMeasured();

    public Task RefundOfflineAsync(Order order) => throw NotMeasured();

    public bool CanPartiallyRefundOffline(Order order, decimal amountToRefund) => throw NotMeasured();

    public Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund) => throw NotMeasured();

    private static NotSupportedException NotMeasured() => new("Not on a path the benchmark measures.");
}
