using Moq;
using Nop.Core;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Health;

/// <summary>
/// Issue #13 item 4: after a lost notification, "Run now" leaves attempts younger than five minutes alone by design;
/// the health card says how many and when the task runs next, from nopCommerce's schedule task.
/// </summary>
public class ReconciliationOutlookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private SettableClock _clock = null!;
    private Shop _shop = null!;
    private Mock<IScheduleTaskService> _tasks = null!;
    private ScheduleTask? _task;

    [SetUp]
    public void SetUp()
    {
        _clock = new SettableClock(Now);
        _shop = new Shop(_clock);
        _task = new ScheduleTask
        {
            Type = QfPayAlipayDefaults.ReconciliationTaskType,
            Seconds = 600,
            Enabled = true,
            LastStartUtc = Now.UtcDateTime.AddMinutes(-3),
        };
        _tasks = new Mock<IScheduleTaskService>();
        _tasks.Setup(t => t.GetTaskByTypeAsync(QfPayAlipayDefaults.ReconciliationTaskType)).ReturnsAsync(() => _task!);
    }

    private ReconciliationOutlook Outlook() =>
        new(ReconciliationPolicy.Default, _tasks.Object, new InMemoryReconciliationSource(_shop.Attempts, _shop.Claims), _shop.Clock);

    private void AttemptCreatedAgo(TimeSpan age, PaymentAttemptStatus status = PaymentAttemptStatus.AwaitingPayment)
    {
        _clock.Now = Now - age;
        _shop.SeedAttempt(_shop.AddOrder(), status: status);
        _clock.Now = Now;
    }

    [Test]
    public async Task Open_attempts_younger_than_five_minutes_are_too_recent_and_older_or_finished_ones_are_not()
    {
        AttemptCreatedAgo(TimeSpan.FromSeconds(30));
        AttemptCreatedAgo(TimeSpan.FromMinutes(2));
        AttemptCreatedAgo(TimeSpan.FromMinutes(4), PaymentAttemptStatus.Unknown);
        AttemptCreatedAgo(TimeSpan.FromMinutes(3), PaymentAttemptStatus.Failed);
        AttemptCreatedAgo(TimeSpan.FromMinutes(6));

        var outlook = await Outlook().GetAsync(0);

        Assert.That((outlook.TooRecentToQuery, outlook.MinimumAge), Is.EqualTo((3, TimeSpan.FromMinutes(5))));
    }

    [Test]
    public async Task The_next_run_is_the_last_start_plus_the_tasks_interval()
    {
        var outlook = await Outlook().GetAsync(0);

        Assert.That((outlook.TaskState, outlook.NextRunUtc), Is.EqualTo((ReconciliationTaskState.Scheduled, (DateTime?)Now.UtcDateTime.AddMinutes(7))));
    }

    [Test]
    public async Task A_task_that_never_ran_counts_from_when_it_was_enabled()
    {
        _task!.LastStartUtc = null;
        _task.LastEnabledUtc = Now.UtcDateTime.AddMinutes(-1);

        Assert.That((await Outlook().GetAsync(0)).NextRunUtc, Is.EqualTo(Now.UtcDateTime.AddMinutes(9)));
    }

    [Test]
    public async Task An_overdue_run_is_due_now()
    {
        _task!.LastStartUtc = Now.UtcDateTime.AddHours(-2);

        Assert.That((await Outlook().GetAsync(0)).NextRunUtc, Is.EqualTo(Now.UtcDateTime));
    }

    [Test]
    public async Task A_disabled_or_missing_task_has_no_next_run()
    {
        _task!.Enabled = false;
        var disabled = await Outlook().GetAsync(0);
        _task = null;
        var missing = await Outlook().GetAsync(0);

        Assert.Multiple(() =>
        {
            Assert.That((disabled.TaskState, disabled.NextRunUtc), Is.EqualTo((ReconciliationTaskState.Disabled, (DateTime?)null)));
            Assert.That((missing.TaskState, missing.NextRunUtc), Is.EqualTo((ReconciliationTaskState.Missing, (DateTime?)null)));
        });
    }

    [Test]
    public async Task The_health_card_says_how_many_attempts_are_too_recent_and_when_the_next_run_is()
    {
        AttemptCreatedAgo(TimeSpan.FromMinutes(1));
        AttemptCreatedAgo(TimeSpan.FromMinutes(2));
        AttemptCreatedAgo(TimeSpan.FromMinutes(3));
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = Shop.StoreId, Url = "https://shop.example/" });
        var health = new Mock<IIntegrationHealthLog>();
        health.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(IntegrationHealthReport.Empty);
        var factory = ConfigurePageFactory.Create(new PerStoreSettingService(), storeContext.Object, Mock.Of<IStoreService>(), health.Object,
            reconciliationSource: new InMemoryReconciliationSource(_shop.Attempts, _shop.Claims), scheduleTasks: _tasks.Object, clock: _shop.Clock);

        var card = (await factory.PrepareModelAsync(Shop.StoreId)).Health;

        Assert.That((card.AttemptsTooRecentToQuery, card.TooRecentMinutes, card.ReconciliationTaskState, card.NextReconciliationUtc),
            Is.EqualTo((3, 5, ReconciliationTaskState.Scheduled, (DateTime?)Now.UtcDateTime.AddMinutes(7))));
    }
}
