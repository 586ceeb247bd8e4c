using Nop.Core.Caching;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>
/// The scheduled task (Admin > System > Schedule tasks, installed with QfPayAlipayDefaults.ReconciliationTaskType):
/// recovers payments whose notification never arrived, completes interrupted settlements, confirms pending refunds and
/// expires unpaid attempts (docs/qfpay-protocol.md §6.6: QFPay stops notifying after about a day; §7.6).
/// </summary>
/// <remarks>
/// nopCommerce resolves it unregistered with constructor injection and runs it inside a request to
/// /scheduletask/runtask, with no current store (docs/nopcommerce.md §7.8). The run is wrapped in ILocker so that nodes
/// rarely overlap; correctness does not depend on it (see <see cref="ReconciliationRunner"/>).
/// </remarks>
public class ReconciliationTask : IScheduleTask
{
    public const string RunLockKey = QfPayAlipayDefaults.SystemName + ".reconciliation";

    private readonly IIntegrationHealthLog _healthLog;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly ReconciliationPolicy _policy;
    private readonly ReconciliationRunner _runner;

    public ReconciliationTask(IIntegrationHealthLog healthLog,
        ILocker locker,
        ILogger logger,
        ReconciliationPolicy policy,
        ReconciliationRunner runner)
    {
        _healthLog = healthLog;
        _locker = locker;
        _logger = logger;
        _policy = policy;
        _runner = runner;
    }

    public async Task ExecuteAsync()
    {
        // Real time on purpose: the limit guards the request nopCommerce's scheduler is waiting for.
        using var timeLimit = new CancellationTokenSource(_policy.RunTimeLimit);
        ReconciliationSummary? summary = null;
        try
        {
            // The lock outlives the run's own time limit, so a second node cannot start while this one still works.
            var ran = await _locker.PerformActionWithLockAsync(RunLockKey, _policy.RunTimeLimit + TimeSpan.FromMinutes(1),
                async () => summary = await _runner.RunAsync(timeLimit.Token));

            if (!ran)
            {
                await _logger.InformationAsync($"{OrderNotes.Prefix}reconciliation skipped: another run holds the lock.");
                return;
            }
        }
        catch (Exception exception)
        {
            await TryAsync(() => _healthLog.RecordAsync(0, IntegrationEventKind.ReconciliationFailed, $"{exception.GetType().Name}: {exception.Message}"));
            throw;
        }

        if (summary is not null)
        {
            // The health log is a diagnostic; it must not turn a finished run into a failed task.
            await TryAsync(() => _healthLog.RecordAsync(0, IntegrationEventKind.ReconciliationRun, summary.ToString()));
        }
    }

    private static async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception)
        {
            // See above.
        }
    }
}

/// <summary>The reconciliation task's bounds.</summary>
/// <param name="MinimumAge">
/// Attempts younger than this are left to the notification and the return page: the shopper is probably still paying.
/// </param>
/// <param name="MaximumAge">Older attempts are no longer asked about: a query by out_trade_no searches one calendar month per request (docs/qfpay-protocol.md §7.2), so a lost notification is looked for only while it is recent.</param>
/// <param name="QueriesPerRun">
/// At most this many queries per run. Half of QFPay's 400 per minute (docs/qfpay-protocol.md §1.5), so a run alone can never
/// approach the limit and checkout, return pages and refunds keep the other half (§7.6: "stay far below").
/// </param>
/// <param name="ExpiryMargin">
/// Added to an attempt's expired_time before its age alone counts as expired (clock differences, QFPay's processing),
/// and only together with a fresh query that reports it unpaid.
/// </param>
/// <param name="DefaultExpiry">QFPay's default expired_time when the store sets none (docs/qfpay-protocol.md §4.2: 30 minutes).</param>
/// <param name="PageSize">Rows read per database page.</param>
/// <param name="ClaimRetention">Query claims older than this are deleted; attempts that old are never queried again anyway.</param>
/// <param name="RunTimeLimit">A run stops after this long, leaving the rest to the next run (the task wakes every 10 minutes).</param>
/// <param name="MaxFailuresPerRun">A run stops after this many unexpected errors (e.g. the database is down) instead of repeating them.</param>
public sealed record ReconciliationPolicy(
    TimeSpan MinimumAge,
    TimeSpan MaximumAge,
    int QueriesPerRun,
    TimeSpan ExpiryMargin,
    TimeSpan DefaultExpiry,
    int PageSize,
    TimeSpan ClaimRetention,
    TimeSpan RunTimeLimit,
    int MaxFailuresPerRun)
{
    public static ReconciliationPolicy Default { get; } = new(
        MinimumAge: TimeSpan.FromMinutes(5),
        MaximumAge: TimeSpan.FromDays(35),
        QueriesPerRun: 200,
        ExpiryMargin: TimeSpan.FromMinutes(15),
        DefaultExpiry: TimeSpan.FromMinutes(30),
        PageSize: 100,
        ClaimRetention: TimeSpan.FromDays(40),
        RunTimeLimit: TimeSpan.FromMinutes(8),
        MaxFailuresPerRun: 5);

    /// <summary>
    /// When an attempt may be treated as expired once a fresh query says it is unpaid: its own expiry, as sent with it
    /// (never today's setting), plus the margin.
    /// </summary>
    public DateTime ExpiredOnUtc(QfPayPaymentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return DateTime.SpecifyKind(attempt.ExpiresOnUtc ?? attempt.CreatedOnUtc + DefaultExpiry, DateTimeKind.Utc) + ExpiryMargin;
    }

    /// <summary>
    /// The per-store interval between two queries of the same attempt or refund: ReconciliationIntervalMinutes (at least
    /// 1) less a tenth, at most a minute. The task wakes on a fixed schedule and a query is claimed a little after its
    /// run starts, so a full interval would make every other run skip it.
    /// </summary>
    public static TimeSpan RequeryInterval(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var interval = TimeSpan.FromMinutes(Math.Max(1, settings.ReconciliationIntervalMinutes));
        var slack = TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
        return interval - slack;
    }
}
