using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;

/// <summary>
/// Keeps each merchant (app code) within QFPay's request limits (API.md §1.5) by making callers wait, never
/// by failing them: a refund or a query that waits a second is better than one QFPay rejects with 429. One
/// instance must serve every caller of the client in the process (register it as a singleton), otherwise
/// checkout, return pages, the admin and the reconciliation task would each count alone.
/// </summary>
/// <remarks>
/// The limit is per process. In a web farm every node counts its own requests; the reconciliation task, by far
/// the heaviest caller, runs on one node at a time (ILocker) within a per-run budget, and a 429 caused by
/// another node still backs this one off.
/// </remarks>
public sealed class MerchantRateLimiter
{
    /// <summary>Logs of merchants not seen for this long are dropped, so the dictionary cannot grow without bound.</summary>
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, MerchantRequestLog> _logs = new(StringComparer.Ordinal);
    private readonly QfPayRateLimits _limits;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _sweepLock = new();
    private DateTimeOffset _lastSweep;

    /// <param name="timeProvider">Every wait and every window is measured on this clock (a fake one in tests).</param>
    public MerchantRateLimiter(TimeProvider timeProvider, QfPayRateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _limits = limits ?? QfPayRateLimits.Default;
        if (_limits.Validate() is { } error)
            throw new ArgumentException(error, nameof(limits));

        _timeProvider = timeProvider;
        _lastSweep = timeProvider.GetUtcNow();
    }

    public QfPayRateLimits Limits => _limits;

    /// <summary>Waits until <paramref name="merchant"/> may send one more request, and counts it as sent.</summary>
    public async Task AcquireAsync(string merchant, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var wait = TryGrant(merchant);
            if (wait == TimeSpan.Zero)
                return;

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until <paramref name="merchant"/> could send a request, without counting one. A batch caller (the
    /// reconciliation task) paces itself with this before each call, so that its calls never spend their own
    /// timeout waiting inside the client.
    /// </summary>
    public async Task WaitForCapacityAsync(string merchant, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var wait = TimeUntilAllowed(merchant);
            if (wait == TimeSpan.Zero)
                return;

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long a request for <paramref name="merchant"/> would have to wait now.</summary>
    public TimeSpan TimeUntilAllowed(string merchant) =>
        WithLog(merchant, static (log, now) => log.TimeUntilAllowed(now));

    /// <summary>QFPay answered HTTP 429 for <paramref name="merchant"/>: back off exponentially (API.md §1.5).</summary>
    public void ReportRateLimited(string merchant, TimeSpan? retryAfter = null) =>
        WithLog(merchant, (log, now) =>
        {
            log.BackOff(now, retryAfter);
            return true;
        });

    /// <summary>QFPay answered with anything but 429: the backoff series is over.</summary>
    public void ReportAnswered(string merchant) =>
        WithLog(merchant, static (log, _) =>
        {
            log.Answered();
            return true;
        });

    private TimeSpan TryGrant(string merchant) =>
        WithLog(merchant, static (log, now) =>
        {
            var wait = log.TimeUntilAllowed(now);
            if (wait == TimeSpan.Zero)
                log.Grant(now);
            return wait;
        });

    /// <summary>Runs <paramref name="action"/> on the merchant's live log under its lock (a retired log is never used).</summary>
    private T WithLog<T>(string merchant, Func<MerchantRequestLog, DateTimeOffset, T> action)
    {
        SweepIdle();
        while (true)
        {
            var log = _logs.GetOrAdd(merchant ?? string.Empty, _ => new MerchantRequestLog(_limits));
            lock (log)
            {
                if (!log.IsRetired)
                    return action(log, _timeProvider.GetUtcNow());
            }
        }
    }

    private void SweepIdle()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_sweepLock)
        {
            if (now - _lastSweep < IdleLifetime)
                return;

            _lastSweep = now;
        }

        foreach (var (merchant, log) in _logs)
        {
            lock (log)
            {
                // Retired under its own lock, so no caller can count a request in a log that is being forgotten.
                if (now - log.LastUsed >= IdleLifetime && log.IsIdle(now))
                {
                    log.IsRetired = true;
                    _logs.TryRemove(new KeyValuePair<string, MerchantRequestLog>(merchant, log));
                }
            }
        }
    }
}
