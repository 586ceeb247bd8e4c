using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>What the status endpoint tells a polling page; it always says what the order is, never more.</summary>
public enum ShopperPaymentState
{
    NotFound,

    /// <summary>The order waits for its payment (none arrived yet, or one is being confirmed).</summary>
    Pending,

    /// <summary>The order is paid.</summary>
    Paid,

    /// <summary>The latest payment failed or was cancelled; the order still waits for payment.</summary>
    Failed,

    /// <summary>The latest payment link expired unpaid; the order still waits for payment.</summary>
    Expired,

    /// <summary>Money arrived that the order could not take as it was (amount or currency differ, refunded): the store looks into it.</summary>
    Problem,

    /// <summary>The order is cancelled, refunded or no longer paid with Alipay.</summary>
    Closed,
}

public sealed record ShopperPaymentStatus(ShopperPaymentState State, int OrderId, Guid OrderGuid);

/// <summary>
/// Answers "is it paid yet?" for the desktop page: from the order and the attempt table, and, for an open attempt, from
/// a query to QFPay at most once per <see cref="StatusQueryThrottle.Interval"/>. "Paid" only ever means the order is
/// paid: a payment that arrived but was not applied (mismatch, closed order) is a problem, never "paid". Settlement
/// comes only from the notification or such a query (<see cref="PaymentStatusCheck"/>), never from the page.
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
                return Say(ShopperPaymentState.Closed);
        }

        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        if (attempts.Any(static a => a.Status.HoldsMoney() && a.Status != PaymentAttemptStatus.Paid))
            return Say(ShopperPaymentState.Problem);

        var latest = attempts.MaxBy(static a => a.AttemptNumber);
        switch (latest?.Status)
        {
            case null or PaymentAttemptStatus.Created or PaymentAttemptStatus.Paid:
                return Say(ShopperPaymentState.Pending);
            case PaymentAttemptStatus.Expired:
                return Say(ShopperPaymentState.Expired);
            case PaymentAttemptStatus.Failed:
                return Say(ShopperPaymentState.Failed);
        }

        if (!_throttle.TryClaim(latest))
            return Say(ShopperPaymentState.Pending);

        // The page the shopper watches plays the return page's part: a query that finds the payment settles it.
        var check = await _check.CheckAsync(latest, SettlementSource.StatusPage, cancellationToken);
        switch (check.State)
        {
            case PaymentCheckState.Paid:
                // Said from the order itself, read again now that the settlement is done.
                return Say((await _orders.FindAsync(orderGuid)).Standing == OrderStanding.Paid ? ShopperPaymentState.Paid : ShopperPaymentState.Pending);
            case PaymentCheckState.MoneyNotApplied:
                return Say(ShopperPaymentState.Problem);
            case PaymentCheckState.Expired:
                return Say(ShopperPaymentState.Expired);
            case PaymentCheckState.NotPaid:
                return Say(ShopperPaymentState.Failed);
            default:
                return Say(ShopperPaymentState.Pending);
        }
    }
}

/// <summary>
/// Lets the status endpoint ask QFPay about an attempt at most once per <see cref="Interval"/>, however many tabs poll
/// it. Two guards: the attempt's LastQueriedOnUtc (written by every query: return page, reconciliation, admin, this
/// endpoint; shared by all nodes through the database) and an in-memory claim per out_trade_no (exact within one node,
/// and closing the window while a query is still in flight, before LastQueriedOnUtc is written).
/// </summary>
/// <remarks>
/// On a web farm each node holds its own claims, so N nodes polled at the same moment can each send one query per
/// interval before the shared column catches up: at most N per interval, still under QFPay's per-merchant limit, which
/// the shared rate limiter enforces anyway (docs/qfpay-protocol.md §1.5). A singleton; entries older than the interval are pruned.
/// </remarks>
public class StatusQueryThrottle
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(5);

    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTime> _claims = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public StatusQueryThrottle(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>True at most once per interval per attempt: the caller may query QFPay now.</summary>
    public virtual bool TryClaim(QfPayPaymentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (attempt.LastQueriedOnUtc is { } last && now - DateTime.SpecifyKind(last, DateTimeKind.Utc) < Interval)
            return false;

        if (_claims.Count > PruneAbove)
            Prune(now);

        while (true)
        {
            if (_claims.TryGetValue(attempt.OutTradeNo, out var previous))
            {
                if (now - previous < Interval)
                    return false;
                if (_claims.TryUpdate(attempt.OutTradeNo, now, previous))
                    return true;
            }
            else if (_claims.TryAdd(attempt.OutTradeNo, now))
            {
                return true;
            }
        }
    }

    private void Prune(DateTime now)
    {
        foreach (var (key, claimed) in _claims)
        {
            if (now - claimed >= Interval)
                _claims.TryRemove(new KeyValuePair<string, DateTime>(key, claimed));
        }
    }
}
