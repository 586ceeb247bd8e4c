namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;

/// <summary>
/// One merchant's recent requests and 429 backoff: the times permits were granted within the last minute
/// (oldest first, at most <see cref="QfPayRateLimits.PerMinute"/> of them), and until when QFPay asked us
/// to stay away. Not thread-safe on its own: <see cref="MerchantRateLimiter"/> locks it.
/// </summary>
internal sealed class MerchantRequestLog(QfPayRateLimits limits)
{
    private readonly Queue<DateTimeOffset> _granted = new(limits.PerMinute);
    private readonly List<DateTimeOffset> _scratch = new(limits.PerSecond);

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
        _scratch.Clear();
        foreach (var granted in _granted)
        {
            if (granted > since)
                _scratch.Add(granted);
        }

        oldestOfLimit = _scratch.Count >= limits.PerSecond ? _scratch[_scratch.Count - limits.PerSecond] : DateTimeOffset.MinValue;
        return _scratch.Count;
    }

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
