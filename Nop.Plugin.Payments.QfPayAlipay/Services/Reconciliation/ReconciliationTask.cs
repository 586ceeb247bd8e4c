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
/// expires unpaid attempts (API.md §6.6: QFPay stops notifying after about a day; §7.6).
/// </summary>
/// <remarks>
/// nopCommerce resolves it unregistered with constructor injection and runs it inside a request to
/// /scheduletask/runtask, with no current store (PLUGIN-API.md §7.8). The run is wrapped in ILocker so that nodes
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
