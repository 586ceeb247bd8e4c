using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>
/// Cancels an order whose Alipay payment expired unpaid (setting AutoCancelExpiredOrders, off by default: nopCommerce
/// itself never cancels unpaid orders, PLUGIN-API.md §6.2). Only called after a fresh query reported the attempt
/// unpaid, and only when every attempt of the order is dead: a payment found by that query, or any attempt still open,
/// always wins over cancelling.
/// </summary>
public class ExpiredOrderCanceller
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly ReconciliationPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public ExpiredOrderCanceller(IPaymentAttemptStore attempts,
        ILogger logger,
        OrderNotes orderNotes,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ReconciliationPolicy policy,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _logger = logger;
        _orderNotes = orderNotes;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _policy = policy;
        _timeProvider = timeProvider;
    }

    /// <summary>True when this call cancelled the order of <paramref name="attempt"/>.</summary>
    public virtual async Task<bool> TryCancelAsync(QfPayPaymentAttempt attempt, QfPayAlipaySettings settings, string reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.AutoCancelExpiredOrders)
            return false;

        // Read now, after the query: a payment settled meanwhile (notification, return page) must win.
        var order = await _orderService.GetOrderByIdAsync(attempt.OrderId);
        if (order is null || order.Deleted || order.PaymentStatus != PaymentStatus.Pending || order.OrderStatus == OrderStatus.Cancelled
            || !string.Equals(order.PaymentMethodSystemName, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        var expiredAfter = _policy.ExpiredAfter(settings);
        if (attempts.Count == 0 || !attempts.All(a => IsDead(a, expiredAfter)))
            return false;

        if (!_orderProcessingService.CanCancelOrder(order))
            return false;

        await _orderProcessingService.CancelOrderAsync(order, false);
        var note = $"order cancelled automatically: {reason} (setting \"cancel expired orders\"). " +
            "A payment arriving after this is flagged on the order for a refund.";
        await _orderNotes.AddAsync(order.Id, note);
        await _logger.InformationAsync($"{OrderNotes.Prefix}{note} Order id {order.Id}.");
        return true;
    }

    /// <summary>
    /// Dead: QFPay said expired, or the attempt is closed unpaid and older than its expired_time plus the margin (a
    /// shopper who just cancelled at the cashier may still retry). Paid or mismatching attempts are never dead: money
    /// arrived.
    /// </summary>
    private bool IsDead(QfPayPaymentAttempt attempt, TimeSpan expiredAfter) => attempt.Status switch
    {
        PaymentAttemptStatus.Expired => true,
        PaymentAttemptStatus.Failed => _timeProvider.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc) >= expiredAfter,
        _ => false,
    };
}
