using System.Text;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>
/// <see cref="IIntegrationHealthLog"/> on the plugin's own table. Writing prunes rows older than
/// <see cref="Retention"/> (at most once an hour per web node), so the table stays small without a separate
/// cleanup task.
/// </summary>
public class IntegrationHealthLog : IIntegrationHealthLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static readonly TimeSpan RejectionWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// Anyone can post to the notification URL; past this many rejections per store and hour the rest are not
    /// written, so a flood of forged notifications cannot grow the table without bound.
    /// </summary>
    public const int MaxRejectionsPerHour = 100;

    private const string NoReason = "(no reason given)";

    private readonly HealthLogPruneSchedule _pruneSchedule;
    private readonly IRepository<QfPayIntegrationEvent> _repository;
    private readonly TimeProvider _timeProvider;

    public IntegrationHealthLog(IRepository<QfPayIntegrationEvent> repository, TimeProvider timeProvider,
        HealthLogPruneSchedule pruneSchedule)
    {
        _repository = repository;
        _timeProvider = timeProvider;
        _pruneSchedule = pruneSchedule;
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

        if (kind == IntegrationEventKind.NotificationRejected && await IsRejectionFloodAsync(storeId, now))
            return;

        await _repository.InsertAsync(new QfPayIntegrationEvent
        {
            StoreId = storeId,
            Kind = kind,
            Detail = Shorten(detail),
            OccurredOnUtc = now,
        }, false);
    }

    public virtual async Task<IntegrationHealthReport> GetReportAsync(int storeId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var since = _timeProvider.GetUtcNow().UtcDateTime - RejectionWindow;
        int[] notificationKinds = [(int)IntegrationEventKind.NotificationAccepted, (int)IntegrationEventKind.NotificationRejected];
        int[] reconciliationKinds = [(int)IntegrationEventKind.ReconciliationRun, (int)IntegrationEventKind.ReconciliationFailed];
        var rejected = (int)IntegrationEventKind.NotificationRejected;

        var lastNotification = await LatestAsync(storeId, notificationKinds);
        var lastReconciliation = await LatestAsync(storeId, reconciliationKinds);
        var rejections = await _repository.GetAllAsync(query => ForStore(query, storeId)
            .Where(e => e.KindId == rejected && e.OccurredOnUtc >= since));

        var summaries = rejections
            .GroupBy(static e => string.IsNullOrWhiteSpace(e.Detail) ? NoReason : e.Detail!, StringComparer.Ordinal)
            .Select(static g => new RejectionSummary(g.Key, g.Count(), g.Max(static e => e.OccurredOnUtc)))
            .OrderByDescending(static s => s.Count)
            .ThenByDescending(static s => s.LastOccurredOnUtc)
            .ToList();

        return new IntegrationHealthReport(lastNotification, summaries, lastReconciliation);
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

    private async Task<bool> IsRejectionFloodAsync(int storeId, DateTime now)
    {
        var hourAgo = now.AddHours(-1);
        var rejected = (int)IntegrationEventKind.NotificationRejected;
        var recent = await _repository.GetAllAsync(query => query
            .Where(e => e.StoreId == storeId && e.KindId == rejected && e.OccurredOnUtc >= hourAgo)
            .Take(MaxRejectionsPerHour));

        return recent.Count >= MaxRejectionsPerHour;
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
