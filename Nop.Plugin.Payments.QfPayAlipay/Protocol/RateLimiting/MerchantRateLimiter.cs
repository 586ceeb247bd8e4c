using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;

/// <summary>
/// Keeps each merchant (app code) within QFPay's request limits (docs/qfpay-protocol.md §1.5) by making callers wait, never
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

    /// <summary>QFPay answered HTTP 429 for <paramref name="merchant"/>: back off exponentially (docs/qfpay-protocol.md §1.5).</summary>
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

/// <summary>
/// One merchant's recent requests and 429 backoff: the times permits were granted within the last minute
/// (oldest first, at most <see cref="QfPayRateLimits.PerMinute"/> of them), and until when QFPay asked us
/// to stay away. Not thread-safe on its own: <see cref="MerchantRateLimiter"/> locks it.
/// </summary>
internal sealed class MerchantRequestLog(QfPayRateLimits limits)
{
    private readonly Queue<DateTimeOffset> _granted = new(limits.PerMinute);

    private DateTimeOffset _backoffUntil = DateTimeOffset.MinValue;
    private TimeSpan _nextBackoff = limits.FirstBackoff;

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Dropped from the limiter; whoever still holds it must fetch the merchant's new log.</summary>
    public bool IsRetired { get; set; }

    /// <summary>
    /// How long to wait before a request may go out at <paramref name="now"/>; zero when it may go now.
    /// A request at t is allowed when fewer than PerMinute grants are later than t − 60 s and fewer than
    /// PerSecond are later than t − 1 s, so every window [a, a + 60 s) holds at most PerMinute of them.
    /// </summary>
    public TimeSpan TimeUntilAllowed(DateTimeOffset now)
    {
        Forget(now);
        var wait = _backoffUntil - now;

        if (_granted.Count >= limits.PerMinute)
            wait = Longer(wait, _granted.ElementAt(_granted.Count - limits.PerMinute) + QfPayRateLimits.Minute - now);

        if (CountSince(now - QfPayRateLimits.Second, out var oldestInSecond) >= limits.PerSecond)
            wait = Longer(wait, oldestInSecond + QfPayRateLimits.Second - now);

        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Grant(DateTimeOffset now)
    {
        _granted.Enqueue(now);
        LastUsed = now;
    }

    /// <summary>QFPay answered 429: stay away for the current backoff, and double it for the next one.</summary>
    public void BackOff(DateTimeOffset now, TimeSpan? retryAfter)
    {
        var pause = retryAfter is { } asked && asked > _nextBackoff ? Shorter(asked, limits.LongestBackoff) : _nextBackoff;
        var until = now + pause;
        if (until > _backoffUntil)
            _backoffUntil = until;

        _nextBackoff = Shorter(_nextBackoff + _nextBackoff, limits.LongestBackoff);
        LastUsed = now;
    }

    /// <summary>Any answer other than 429 ends the series: the next 429 starts from the first backoff again.</summary>
    public void Answered() => _nextBackoff = limits.FirstBackoff;

    /// <summary>Nothing left that could delay a request: the log can be dropped.</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        Forget(now);
        return _granted.Count == 0 && _backoffUntil <= now && _nextBackoff == limits.FirstBackoff;
    }

    private void Forget(DateTimeOffset now)
    {
        var cutoff = now - QfPayRateLimits.Minute;
        while (_granted.Count > 0 && _granted.Peek() <= cutoff)
            _granted.Dequeue();
    }

    /// <summary>How many grants are later than <paramref name="since"/>, and the earliest of the last PerSecond of them.</summary>
    private int CountSince(DateTimeOffset since, out DateTimeOffset oldestOfLimit)
    {
        var recent = _granted.Where(granted => granted > since).ToList();
        oldestOfLimit = recent.Count >= limits.PerSecond ? recent[^limits.PerSecond] : DateTimeOffset.MinValue;
        return recent.Count;
    }

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>
/// QFPay's limits per merchant (docs/qfpay-protocol.md §1.5): 100 requests per second <b>and</b> 400 per minute, HTTP 429
/// beyond them, and "back off exponentially after a 429". The minute is treated as a rolling 60 seconds,
/// because QFPay does not say where its minutes start, and a rolling window is the only reading that can
/// never break a fixed-minute counter either.
/// </summary>
/// <param name="PerSecond">Requests allowed in any rolling 1-second window.</param>
/// <param name="PerMinute">Requests allowed in any rolling 60-second window.</param>
/// <param name="FirstBackoff">Pause after the first 429 in a row; doubles with every further one.</param>
/// <param name="LongestBackoff">
/// Cap of the doubling. A minute is the longest window QFPay counts in, so waiting longer can never be
/// what it takes for a limit to reset.
/// </param>
public sealed record QfPayRateLimits(int PerSecond, int PerMinute, TimeSpan FirstBackoff, TimeSpan LongestBackoff)
{
    public static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    public static QfPayRateLimits Default { get; } = new(100, 400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>Why these limits cannot work, or null.</summary>
    public string? Validate()
    {
        if (PerSecond < 1 || PerMinute < 1)
            return "Rate limits must allow at least one request per second and per minute.";

        if (FirstBackoff <= TimeSpan.Zero || LongestBackoff < FirstBackoff)
            return "The first backoff must be positive and not longer than the longest backoff.";

        return null;
    }
}
