namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A fake clock on which waiting costs nothing: every timer moves the clock forward to its due time and fires at once.
/// Code that waits with <c>Task.Delay(delay, timeProvider)</c> (the rate limiter) therefore runs at full speed while
/// the clock shows the time it would have taken. The clock only ever moves forward, also with concurrent waiters.
/// </summary>
public sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset Now => GetUtcNow();

    /// <summary>The total time all timers asked to wait, whether or not it overlapped.</summary>
    public TimeSpan Waited { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
            _now += by;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
            return new SpentTimer();

        lock (_gate)
        {
            var due = _now + dueTime;
            if (due > _now)
                _now = due;
            Waited += dueTime;
        }

        // Never on the caller's stack: the caller is still setting up what the callback completes.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new SpentTimer();
    }

    private sealed class SpentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
