using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>Whether nopCommerce will run the reconciliation task.</summary>
public enum ReconciliationTaskState
{
    Scheduled,
    Disabled,
    Missing,
}

/// <param name="TooRecentToQuery">Open attempts younger than <paramref name="MinimumAge"/>: no run, "Run now" included, asks about them yet.</param>
/// <param name="NextRunUtc">When nopCommerce's scheduler starts the task next (now, if it is due); null unless scheduled.</param>
public sealed record ReconciliationOutlookReport(int TooRecentToQuery, TimeSpan MinimumAge, ReconciliationTaskState TaskState, DateTime? NextRunUtc);

/// <summary>
/// What the next reconciliation run will and will not do, for the health card. After a lost notification an admin
/// presses "Run now" and sees nothing change for five minutes: attempts younger than
/// <see cref="ReconciliationPolicy.MinimumAge"/> are left to the notification and the return page by design.
/// </summary>
public class ReconciliationOutlook
{
    private readonly ReconciliationPolicy _policy;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly IReconciliationSource _source;
    private readonly TimeProvider _timeProvider;

    public ReconciliationOutlook(ReconciliationPolicy policy,
        IScheduleTaskService scheduleTaskService,
        IReconciliationSource source,
        TimeProvider timeProvider)
    {
        _policy = policy;
        _scheduleTaskService = scheduleTaskService;
        _source = source;
        _timeProvider = timeProvider;
    }

    /// <param name="storeId">The store scope of the configure page; 0 counts every store's attempts.</param>
    public virtual async Task<ReconciliationOutlookReport> GetAsync(int storeId, CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var tooRecent = await _source.CountOpenAttemptsAsync(now - _policy.MinimumAge, storeId, cancellationToken);

        var task = await _scheduleTaskService.GetTaskByTypeAsync(QfPayAlipayDefaults.ReconciliationTaskType);
        if (task is null)
            return new ReconciliationOutlookReport(tooRecent, _policy.MinimumAge, ReconciliationTaskState.Missing, null);
        if (!task.Enabled)
            return new ReconciliationOutlookReport(tooRecent, _policy.MinimumAge, ReconciliationTaskState.Disabled, null);

        // nopCommerce's scheduler starts a task Seconds after its last start (or after it was enabled, before any
        // start), and at once when that moment has passed.
        var since = task.LastStartUtc ?? task.LastEnabledUtc;
        var next = since is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Utc).AddSeconds(task.Seconds) : now;
        return new ReconciliationOutlookReport(tooRecent, _policy.MinimumAge, ReconciliationTaskState.Scheduled, next < now ? now : next);
    }
}
