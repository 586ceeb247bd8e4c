namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>
/// Says when the health log may delete its old rows: at most once per <see cref="Interval"/> per web node.
/// Pruning on every write cost a DELETE over the whole table on each notification; once an hour keeps the table
/// just as small. A singleton: the schedule is per process, which is all pruning needs.
/// </summary>
public class HealthLogPruneSchedule
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly TimeProvider _timeProvider;
    private long _nextDueTicks = DateTimeOffset.MinValue.UtcTicks;

    public HealthLogPruneSchedule(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>True for exactly one caller per interval.</summary>
    public virtual bool TryStart()
    {
        var now = _timeProvider.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextDueTicks);
        return now >= due && Interlocked.CompareExchange(ref _nextDueTicks, now + Interval.Ticks, due) == due;
    }
}
