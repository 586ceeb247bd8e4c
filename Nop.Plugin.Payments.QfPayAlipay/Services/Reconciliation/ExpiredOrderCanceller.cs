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
/// itself never cancels unpaid orders). Only called after a fresh query reported the attempt unpaid, and only when every
/// attempt of the order is dead.
/// </summary>
/// <remarks>
/// The cancel takes the order's settlement claim first, the same row a payment takes before marking the order paid: a
/// payment settling at that moment on another node either holds it already (and nothing is cancelled) or finds it
/// taken and flags its money to refund. The order is read only after the claim is held, so it is never a copy read
/// before a concurrent mark-paid.
/// </remarks>
public class ExpiredOrderCanceller
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly ISettlementClaimStore _claims;
    private readonly ClaimHolder _holder;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly ReconciliationPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public ExpiredOrderCanceller(IPaymentAttemptStore attempts,
        ISettlementClaimStore claims,
        ClaimHolder holder,
        ILogger logger,
        OrderNotes orderNotes,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ReconciliationPolicy policy,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _claims = claims;
        _holder = holder;
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

        var attempts = await _attempts.ListByOrderAsync(attempt.OrderId, cancellationToken);
        if (attempts.Count == 0 || !attempts.All(IsDead))
            return false;

        var claim = new QfPaySettlementClaim
        {
            ClaimKey = SettlementClaimKeys.Order(attempt.OrderId),
            OrderId = attempt.OrderId,
            Syssn = string.Empty,
            ClaimedOnUtc = UtcNow(),
            HolderToken = _holder.Token,
            Outcome = SettlementClaimOutcome.InProgress,
        };
        if (await _claims.TryInsertAsync(claim, cancellationToken) != UniqueInsert.Inserted)
            return false;

        var cancelled = false;
        try
        {
            // Read now, under the claim: no payment can be marked on it meanwhile, and none was before (it would hold the claim).
            var order = await _orderService.GetOrderByIdAsync(attempt.OrderId);
            if (order is not null && IsCancellable(order) && _orderProcessingService.CanCancelOrder(order)
                && (await _attempts.ListByOrderAsync(order.Id, cancellationToken)).All(IsDead))
            {
                await _orderProcessingService.CancelOrderAsync(order, false);
                cancelled = true;
                var note = $"order cancelled automatically: {reason} (setting \"cancel expired orders\"). " +
                    "A payment arriving after this is flagged on the order to be refunded.";
                await _orderNotes.AddAsync(order.Id, note);
                await _logger.InformationAsync($"{OrderNotes.Prefix}{note} Order id {order.Id}.");
            }
        }
        finally
        {
            if (cancelled)
                await _claims.TryCompleteAsync(claim.Id, claim.HolderToken, new ClaimCompletion(SettlementClaimOutcome.OrderNotPayable, 0, string.Empty, UtcNow()), CancellationToken.None);
            else
                await _claims.TryReleaseAsync(claim.Id, claim.HolderToken, CancellationToken.None);
        }

        return cancelled;
    }

    private static bool IsCancellable(Order order) =>
        !order.Deleted && order.PaymentStatus == PaymentStatus.Pending && order.OrderStatus != OrderStatus.Cancelled
        && string.Equals(order.PaymentMethodSystemName, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Dead: QFPay said expired, or the attempt is closed unpaid and past its own expired_time plus the margin (a
    /// shopper who just cancelled at the cashier may still retry). Attempts that hold money are never dead.
    /// </summary>
    private bool IsDead(QfPayPaymentAttempt attempt) => attempt.Status switch
    {
        PaymentAttemptStatus.Expired => true,
        PaymentAttemptStatus.Failed => UtcNow() >= _policy.ExpiredOnUtc(attempt),
        _ => false,
    };

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;
}
