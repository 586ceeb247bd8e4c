using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Lets the status endpoint ask QFPay about an attempt at most once per <see cref="Interval"/>, however many tabs poll
/// it. Two guards: the attempt's LastQueriedOnUtc (written by every query: return page, reconciliation, admin, this
/// endpoint; shared by all nodes through the database) and an in-memory claim per out_trade_no (exact within one node,
/// and closing the window while a query is still in flight, before LastQueriedOnUtc is written).
/// </summary>
/// <remarks>
/// On a web farm each node holds its own claims, so N nodes polled at the same moment can each send one query per
/// interval before the shared column catches up: at most N per interval, still under QFPay's per-merchant limit, which
/// the shared rate limiter enforces anyway (API.md §1.5). A singleton; entries older than the interval are pruned.
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
