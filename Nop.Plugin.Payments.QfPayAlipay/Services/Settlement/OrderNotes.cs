using Nop.Core.Domain.Orders;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>Adds the plugin's order notes: visible to admins only, prefixed so they are easy to find.</summary>
public class OrderNotes
{
    public const string Prefix = "Alipay (QFPay): ";

    private readonly IOrderService _orderService;
    private readonly TimeProvider _timeProvider;

    public OrderNotes(IOrderService orderService, TimeProvider timeProvider)
    {
        _orderService = orderService;
        _timeProvider = timeProvider;
    }

    public virtual Task AddAsync(int orderId, string text) => AddLineAsync(orderId, Prefix + text);

    /// <summary>Adds <paramref name="line"/> as it is: it already starts with <see cref="Prefix"/> (e.g. the line just logged).</summary>
    public virtual Task AddLineAsync(int orderId, string line) =>
        _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = orderId,
            Note = line,
            DisplayToCustomer = false,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime,
        });
}
