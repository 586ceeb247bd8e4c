using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>
/// The integration's health log: the notification route and the reconciliation task write to it, the configure
/// page reads it. Registered scoped; inject it where an event happens.
/// </summary>
public interface IIntegrationHealthLog
{
    /// <summary>
    /// Records one event. <paramref name="detail"/> is short text for an admin (a reason, a count) and must never
    /// contain the client key, a signature or a raw notification body; it is cut to
    /// <see cref="QfPayIntegrationEvent.DetailMaxLength"/> characters.
    /// </summary>
    /// <param name="storeId">The store concerned, or 0 when unknown (shown in every store's report).</param>
    Task RecordAsync(int storeId, IntegrationEventKind kind, string? detail, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one notification answered for <paramref name="reason"/>. Counted in memory and written at most once a
    /// minute per reason and web node: a notification (or a forged post) costs no database write of its own.
    /// </summary>
    Task CountNotificationAsync(int storeId, IntegrationEventKind kind, string reason, string? detail, CancellationToken cancellationToken = default);

    /// <summary>The health of <paramref name="storeId"/> (its own events and unattributed ones); 0 = every store.</summary>
    Task<IntegrationHealthReport> GetReportAsync(int storeId, CancellationToken cancellationToken = default);
}

/// <summary>What the configure page's health panel shows.</summary>
/// <param name="LastNotification">The latest notification, accepted or rejected; null if none was received.</param>
/// <param name="RejectionsLast24Hours">Rejected notifications of the last 24 hours grouped by reason, most frequent first.</param>
/// <param name="LastReconciliation">The latest reconciliation run (finished or failed); null if none ran.</param>
public sealed record IntegrationHealthReport(
    IntegrationHealthEntry? LastNotification,
    IReadOnlyList<RejectionSummary> RejectionsLast24Hours,
    IntegrationHealthEntry? LastReconciliation)
{
    public static IntegrationHealthReport Empty { get; } = new(null, [], null);

    public int RejectedLast24Hours => RejectionsLast24Hours.Sum(static r => r.Count);
}

public sealed record IntegrationHealthEntry(IntegrationEventKind Kind, DateTime OccurredOnUtc, string? Detail, int StoreId);

public sealed record RejectionSummary(string Reason, int Count, DateTime LastOccurredOnUtc);

/// <summary>
/// <see cref="IIntegrationHealthLog"/> on the plugin's own table. Notifications are counted in memory
/// (<see cref="NotificationHealthTally"/>) and written as one row per reason at most once a minute per web node; the
/// report adds what this node has counted and not written yet. Writing prunes rows older than <see cref="Retention"/>
/// (at most once an hour per web node), so the table stays small without a separate cleanup task.
/// </summary>
public class IntegrationHealthLog : IIntegrationHealthLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static readonly TimeSpan RejectionWindow = TimeSpan.FromHours(24);

    private const string NoReason = "(no reason given)";

    private readonly HealthLogPruneSchedule _pruneSchedule;
    private readonly IRepository<QfPayIntegrationEvent> _repository;
    private readonly NotificationHealthTally _tally;
    private readonly TimeProvider _timeProvider;

    public IntegrationHealthLog(IRepository<QfPayIntegrationEvent> repository, TimeProvider timeProvider,
        HealthLogPruneSchedule pruneSchedule, NotificationHealthTally tally)
    {
        _repository = repository;
        _timeProvider = timeProvider;
        _pruneSchedule = pruneSchedule;
        _tally = tally;
    }

    public virtual async Task RecordAsync(int storeId, IntegrationEventKind kind, string? detail, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        if (_pruneSchedule.TryStart())
        {
            // Captured as a value so the database provider gets a plain parameter, not date arithmetic.
            var cutoff = now - Retention;
            await _repository.DeleteAsync(e => e.OccurredOnUtc < cutoff);
        }

        await _repository.InsertAsync(new QfPayIntegrationEvent
        {
            StoreId = storeId,
            Kind = kind,
            Detail = Shorten(detail),
            OccurredOnUtc = now,
            Occurrences = 1,
        }, false);

        // A task or admin writing anyway: what notifications this node counted goes along.
        await FlushAsync(force: true);
    }

    public virtual async Task CountNotificationAsync(int storeId, IntegrationEventKind kind, string reason, string? detail,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _tally.Count(storeId, kind, reason, Shorten(detail));
        await FlushAsync(force: false);
    }

    /// <summary>Writes what the tally counted, one row per store, kind and reason, when a minute has passed (or now).</summary>
    private async Task FlushAsync(bool force)
    {
        foreach (var entry in _tally.TakeDue(force))
        {
            await _repository.InsertAsync(new QfPayIntegrationEvent
            {
                StoreId = entry.StoreId,
                Kind = entry.Kind,
                Detail = Shorten(Describe(entry.Reason, entry.LastDetail)),
                OccurredOnUtc = entry.LastOnUtc,
                Occurrences = entry.Count,
            }, false);
        }
    }

    private static string Describe(string reason, string? detail) => string.IsNullOrWhiteSpace(detail) ? reason : $"{reason}: {detail}";

    public virtual async Task<IntegrationHealthReport> GetReportAsync(int storeId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var since = _timeProvider.GetUtcNow().UtcDateTime - RejectionWindow;
        int[] notificationKinds = [(int)IntegrationEventKind.NotificationAccepted, (int)IntegrationEventKind.NotificationRejected];
        int[] reconciliationKinds = [(int)IntegrationEventKind.ReconciliationRun, (int)IntegrationEventKind.ReconciliationFailed];
        var rejected = (int)IntegrationEventKind.NotificationRejected;

        // What this node counted and has not written yet counts as much as what it wrote.
        var pending = _tally.Pending().Where(e => storeId == 0 || e.StoreId == storeId || e.StoreId == 0)
            .Select(static e => new QfPayIntegrationEvent
            {
                StoreId = e.StoreId, Kind = e.Kind, Detail = Shorten(Describe(e.Reason, e.LastDetail)), OccurredOnUtc = e.LastOnUtc, Occurrences = e.Count,
            })
            .ToList();

        var lastNotification = Latest(await LatestAsync(storeId, notificationKinds), pending.Where(e => notificationKinds.Contains(e.KindId)));
        var lastReconciliation = await LatestAsync(storeId, reconciliationKinds);
        var rejections = (await _repository.GetAllAsync(query => ForStore(query, storeId)
            .Where(e => e.KindId == rejected && e.OccurredOnUtc >= since)))
            .Concat(pending.Where(e => e.KindId == rejected));

        // Grouped by reason (the text before the first colon); the latest detail of each reason is what the admin reads.
        var summaries = rejections
            .GroupBy(static e => ReasonOf(e.Detail), StringComparer.Ordinal)
            .Select(static g =>
            {
                var latest = g.OrderByDescending(static e => e.OccurredOnUtc).First();
                return new RejectionSummary(string.IsNullOrWhiteSpace(latest.Detail) ? NoReason : latest.Detail!,
                    g.Sum(static e => Math.Max(1, e.Occurrences)), latest.OccurredOnUtc);
            })
            .OrderByDescending(static s => s.Count)
            .ThenByDescending(static s => s.LastOccurredOnUtc)
            .ToList();

        return new IntegrationHealthReport(lastNotification, summaries, lastReconciliation);
    }

    private static string ReasonOf(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
            return NoReason;

        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? detail[..colon] : detail;
    }

    private static IntegrationHealthEntry? Latest(IntegrationHealthEntry? written, IEnumerable<QfPayIntegrationEvent> pending)
    {
        var counted = pending.OrderByDescending(static e => e.OccurredOnUtc).FirstOrDefault();
        if (counted is null || (written is not null && written.OccurredOnUtc >= counted.OccurredOnUtc))
            return written;

        return new IntegrationHealthEntry(counted.Kind, counted.OccurredOnUtc, counted.Detail, counted.StoreId);
    }

    private async Task<IntegrationHealthEntry?> LatestAsync(int storeId, int[] kinds)
    {
        var latest = (await _repository.GetAllAsync(query => ForStore(query, storeId)
            .Where(e => kinds.Contains(e.KindId))
            .OrderByDescending(e => e.OccurredOnUtc)
            .ThenByDescending(e => e.Id)
            .Take(1))).FirstOrDefault();

        return latest is null ? null : new IntegrationHealthEntry(latest.Kind, latest.OccurredOnUtc, latest.Detail, latest.StoreId);
    }

    // Store 0 means "every store" when reading, and "could not be attributed" when writing; those events
    // belong in every store's report, because the admin of any store may be the one who can fix the cause.
    private static IQueryable<QfPayIntegrationEvent> ForStore(IQueryable<QfPayIntegrationEvent> query, int storeId) =>
        storeId == 0 ? query : query.Where(e => e.StoreId == storeId || e.StoreId == 0);

    private static string? Shorten(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
            return null;

        var text = new string(detail.Trim().Select(static c => char.IsControl(c) ? ' ' : c).ToArray());
        return text.Length <= QfPayIntegrationEvent.DetailMaxLength
            ? text
            : text[..(QfPayIntegrationEvent.DetailMaxLength - 1)] + "…";
    }
}

/// <summary>
/// Notifications counted in this web node's memory, by store, kind and reason, and handed to the health log at most
/// once per <see cref="Window"/>. Anyone can post to the notification URL: a row per post would let a flood cost the
/// store a write each (and capping the rows blinded the health card to a real problem behind the flood). Counted here,
/// 10,000 forged posts cost nothing but a number, and a genuine refusal after them still shows under its own reason.
/// A singleton: one tally per process.
/// </summary>
public class NotificationHealthTally
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private Dictionary<(int StoreId, IntegrationEventKind Kind, string Reason), Entry> _entries = [];
    private DateTime _windowStart = DateTime.MinValue;

    public NotificationHealthTally(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Counts one notification.</summary>
    public virtual void Count(int storeId, IntegrationEventKind kind, string reason, string? detail)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_windowStart == DateTime.MinValue)
                _windowStart = now;

            var key = (storeId, kind, reason);
            _entries[key] = _entries.TryGetValue(key, out var entry)
                ? entry with { Count = entry.Count + 1, LastOnUtc = now, LastDetail = detail }
                : new Entry(storeId, kind, reason, 1, now, detail);
        }
    }

    /// <summary>What was counted, if a window has passed since the last hand-over (or <paramref name="force"/>); it is then forgotten here.</summary>
    public virtual IReadOnlyList<Entry> TakeDue(bool force = false)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_entries.Count == 0 || (!force && now - _windowStart < Window))
                return [];

            var due = _entries.Values.ToList();
            _entries = [];
            _windowStart = DateTime.MinValue;
            return due;
        }
    }

    /// <summary>What is counted and not handed over yet (for this node's health report).</summary>
    public virtual IReadOnlyList<Entry> Pending()
    {
        lock (_gate)
            return _entries.Values.ToList();
    }

    /// <param name="Reason">The answer's reason (BadSignature, Settled...): what the health card groups by.</param>
    /// <param name="LastDetail">The latest event's detail: short text for an admin, never a key, signature or body.</param>
    public sealed record Entry(int StoreId, IntegrationEventKind Kind, string Reason, int Count, DateTime LastOnUtc, string? LastDetail);
}

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
