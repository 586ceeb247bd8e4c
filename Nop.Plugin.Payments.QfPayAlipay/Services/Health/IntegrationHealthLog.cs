using System.Text;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

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

    // char.IsControl's two ranges.
    private static bool HasControlCharacters(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0000', '\u001f') >= 0 || text.IndexOfAnyInRange('\u007f', '\u009f') >= 0;

    private static string? Shorten(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
            return null;

        // Details are usually clean already (one is written on every notification): no copy then.
        if (detail.Length <= QfPayIntegrationEvent.DetailMaxLength && detail.AsSpan().Trim().Length == detail.Length && !HasControlCharacters(detail))
            return detail;

        var text = new StringBuilder(detail.Length);
        foreach (var c in detail.Trim())
            text.Append(char.IsControl(c) ? ' ' : c);

        return text.Length <= QfPayIntegrationEvent.DetailMaxLength
            ? text.ToString()
            : text.ToString(0, QfPayIntegrationEvent.DetailMaxLength - 1) + "…";
    }
}
