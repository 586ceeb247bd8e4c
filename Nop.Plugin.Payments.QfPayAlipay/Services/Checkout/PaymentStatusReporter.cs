using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>What the status endpoint tells a polling page.</summary>
public enum ShopperPaymentState
{
    NotFound,
    Pending,
    Paid,
    Failed,
    Expired,
}

public sealed record ShopperPaymentStatus(ShopperPaymentState State, int OrderId, Guid OrderGuid);

/// <summary>
/// Answers "is it paid yet?" for the desktop page: from the order and the attempt table, and, for an open attempt, from
/// a query to QFPay at most once per <see cref="StatusQueryThrottle.Interval"/>. Settlement comes only from the
/// notification or such a query (<see cref="PaymentStatusCheck"/>), never from the page.
/// </summary>
public class PaymentStatusReporter
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly PaymentStatusCheck _check;
    private readonly PayableOrders _orders;
    private readonly StatusQueryThrottle _throttle;

    public PaymentStatusReporter(IPaymentAttemptStore attempts, PaymentStatusCheck check, PayableOrders orders, StatusQueryThrottle throttle)
    {
        _attempts = attempts;
        _check = check;
        _orders = orders;
        _throttle = throttle;
    }

    public virtual async Task<ShopperPaymentStatus> ReportAsync(Guid orderGuid, CancellationToken cancellationToken = default)
    {
        var lookup = await _orders.FindAsync(orderGuid);
        if (lookup.Order is not { } order)
            return new ShopperPaymentStatus(ShopperPaymentState.NotFound, 0, orderGuid);

        ShopperPaymentStatus Say(ShopperPaymentState state) => new(state, order.Id, order.OrderGuid);

        switch (lookup.Standing)
        {
            case OrderStanding.Paid:
                return Say(ShopperPaymentState.Paid);
            case OrderStanding.Closed:
                return Say(ShopperPaymentState.Failed);
        }

        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        if (attempts.Any(static a => a.Status == PaymentAttemptStatus.Paid))
            return Say(ShopperPaymentState.Paid);

        var latest = attempts.MaxBy(static a => a.AttemptNumber);
        switch (latest?.Status)
        {
            case null or PaymentAttemptStatus.Created:
                return Say(ShopperPaymentState.Pending);
            case PaymentAttemptStatus.Expired:
                return Say(ShopperPaymentState.Expired);
            case PaymentAttemptStatus.Failed or PaymentAttemptStatus.Mismatch:
                return Say(ShopperPaymentState.Failed);
        }

        if (!_throttle.TryClaim(latest))
            return Say(ShopperPaymentState.Pending);

        // The page the shopper watches plays the return page's part: a query that finds the payment settles it.
        var check = await _check.CheckAsync(latest, SettlementSource.ReturnPage, cancellationToken);
        return Say(check.State switch
        {
            PaymentCheckState.Paid => ShopperPaymentState.Paid,
            PaymentCheckState.Expired => ShopperPaymentState.Expired,
            PaymentCheckState.NotPaid => ShopperPaymentState.Failed,
            _ => ShopperPaymentState.Pending,
        });
    }
}
