using System.Linq.Expressions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Health;

public class IntegrationHealthLogTests
{
    private readonly List<QfPayIntegrationEvent> _table = [];
    private FakeTimeProvider _clock = null!;
    private IntegrationHealthLog _log = null!;
    private NotificationHealthTally _tally = null!;
    private Mock<IRepository<QfPayIntegrationEvent>> _repository = null!;

    [SetUp]
    public void SetUp()
    {
        _table.Clear();
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var repository = new Mock<IRepository<QfPayIntegrationEvent>>();
        repository.Setup(r => r.InsertAsync(It.IsAny<QfPayIntegrationEvent>(), It.IsAny<bool>()))
            .Callback((QfPayIntegrationEvent e, bool _) => { e.Id = _table.Count + 1; _table.Add(e); })
            .Returns(Task.CompletedTask);
        repository.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<QfPayIntegrationEvent, bool>>>()))
            .ReturnsAsync((Expression<Func<QfPayIntegrationEvent, bool>> predicate) => _table.RemoveAll(e => predicate.Compile()(e)));
        repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPayIntegrationEvent>, IQueryable<QfPayIntegrationEvent>>>(),
                It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<QfPayIntegrationEvent>, IQueryable<QfPayIntegrationEvent>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                query(_table.AsQueryable()).ToList());
        _repository = repository;
        _tally = new NotificationHealthTally(_clock);
        _log = new IntegrationHealthLog(repository.Object, _clock, new HealthLogPruneSchedule(_clock), _tally);
    }

    [Test]
    public async Task Nothing_recorded_gives_an_empty_report()
    {
        var report = await _log.GetReportAsync(1);

        Assert.Multiple(() =>
        {
            Assert.That(report.LastNotification, Is.Null);
            Assert.That(report.RejectionsLast24Hours, Is.Empty);
            Assert.That(report.LastReconciliation, Is.Null);
        });
    }

    [Test]
    public async Task The_report_shows_the_latest_notification_and_reconciliation_with_their_time()
    {
        await _log.RecordAsync(1, IntegrationEventKind.NotificationAccepted, "order 10025 paid");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _log.RecordAsync(1, IntegrationEventKind.NotificationRejected, "bad signature");
        await _log.RecordAsync(1, IntegrationEventKind.ReconciliationRun, "3 orders checked");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _log.RecordAsync(1, IntegrationEventKind.ReconciliationFailed, "QFPay unreachable");

        var report = await _log.GetReportAsync(1);

        Assert.Multiple(() =>
        {
            Assert.That(report.LastNotification!.Kind, Is.EqualTo(IntegrationEventKind.NotificationRejected));
            Assert.That(report.LastNotification.OccurredOnUtc, Is.EqualTo(new DateTime(2026, 11, 25, 12, 5, 0, DateTimeKind.Utc)));
            Assert.That(report.LastNotification.Detail, Is.EqualTo("bad signature"));
            Assert.That(report.LastReconciliation!.Kind, Is.EqualTo(IntegrationEventKind.ReconciliationFailed));
            Assert.That(report.LastReconciliation.Detail, Is.EqualTo("QFPay unreachable"));
        });
    }

    [Test]
    public async Task Rejections_of_the_last_24_hours_are_grouped_by_reason()
    {
        await _log.RecordAsync(1, IntegrationEventKind.NotificationRejected, "too old");
        _clock.Advance(TimeSpan.FromHours(2));
        await _log.RecordAsync(1, IntegrationEventKind.NotificationRejected, "bad signature");
        await _log.RecordAsync(1, IntegrationEventKind.NotificationRejected, "amount mismatch");
        _clock.Advance(TimeSpan.FromHours(23));
        await _log.RecordAsync(1, IntegrationEventKind.NotificationRejected, "bad signature");
        await _log.RecordAsync(1, IntegrationEventKind.NotificationAccepted, "paid");

        var report = await _log.GetReportAsync(1);

        Assert.Multiple(() =>
        {
            Assert.That(report.RejectionsLast24Hours.Select(r => (r.Reason, r.Count)),
                Is.EqualTo(new[] { ("bad signature", 2), ("amount mismatch", 1) }), "the first one is 25 hours old");
            Assert.That(report.RejectedLast24Hours, Is.EqualTo(3));
            Assert.That(report.RejectionsLast24Hours[0].LastOccurredOnUtc, Is.EqualTo(_clock.GetUtcNow().UtcDateTime));
        });
    }

    [Test]
    public async Task A_store_sees_its_own_events_and_those_no_store_could_be_found_for()
    {
        await _log.RecordAsync(2, IntegrationEventKind.NotificationAccepted, "store 2");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _log.RecordAsync(0, IntegrationEventKind.NotificationRejected, "unknown order");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _log.RecordAsync(3, IntegrationEventKind.NotificationAccepted, "store 3");

        var store2 = await _log.GetReportAsync(2);
        var allStores = await _log.GetReportAsync(0);

        Assert.Multiple(() =>
        {
            Assert.That(store2.LastNotification!.Detail, Is.EqualTo("unknown order"));
            Assert.That(store2.RejectedLast24Hours, Is.EqualTo(1));
            Assert.That(allStores.LastNotification!.Detail, Is.EqualTo("store 3"));
        });
    }

    [Test]
    public async Task Writing_prunes_events_older_than_30_days()
    {
        await _log.RecordAsync(1, IntegrationEventKind.ReconciliationRun, "old");
        _clock.Advance(IntegrationHealthLog.Retention + TimeSpan.FromMinutes(1));

        await _log.RecordAsync(1, IntegrationEventKind.ReconciliationRun, "new");

        Assert.That(_table.Select(e => e.Detail), Is.EqualTo(new[] { "new" }));
    }

    [Test]
    public async Task Old_events_are_pruned_at_most_once_an_hour_not_on_every_write()
    {
        for (var i = 0; i < 5; i++)
            await _log.RecordAsync(1, IntegrationEventKind.NotificationAccepted, "paid");
        _repository.Verify(r => r.DeleteAsync(It.IsAny<Expression<Func<QfPayIntegrationEvent, bool>>>()), Times.Once);

        _clock.Advance(HealthLogPruneSchedule.Interval);
        await _log.RecordAsync(1, IntegrationEventKind.NotificationAccepted, "paid");

        _repository.Verify(r => r.DeleteAsync(It.IsAny<Expression<Func<QfPayIntegrationEvent, bool>>>()), Times.Exactly(2));
    }

    [Test]
    public async Task Notifications_are_counted_in_memory_and_written_at_most_once_a_minute_per_reason()
    {
        for (var i = 0; i < 10_000; i++)
            await _log.CountNotificationAsync(0, IntegrationEventKind.NotificationRejected, "BadSignature", "the signature matches no configured client key");
        await _log.CountNotificationAsync(1, IntegrationEventKind.NotificationRejected, "KeyNotConfigured", "store 1 has no client key");
        var writtenDuringTheFlood = _table.Count;
        var report = await _log.GetReportAsync(1);

        _clock.Advance(NotificationHealthTally.Window);
        await _log.CountNotificationAsync(1, IntegrationEventKind.NotificationAccepted, "Settled", "paid");

        Assert.Multiple(() =>
        {
            Assert.That(writtenDuringTheFlood, Is.Zero, "a flood costs the store no write");
            Assert.That(report.RejectionsLast24Hours.Select(static r => r.Count), Is.EqualTo(new[] { 10_000, 1 }),
                "the health card still shows the flood, and the genuine problem behind it under its own reason");
            Assert.That(report.RejectionsLast24Hours[1].Reason, Does.StartWith("KeyNotConfigured"));
            Assert.That(_table.Select(static e => (e.Detail, e.Occurrences)), Is.EquivalentTo(new[]
            {
                ("BadSignature: the signature matches no configured client key", 10_000),
                ("KeyNotConfigured: store 1 has no client key", 1),
                ("Settled: paid", 1),
            }), "a minute later, one row per reason");
        });
    }

    [Test]
    public async Task Details_are_kept_short_and_on_one_line()
    {
        await _log.RecordAsync(1, IntegrationEventKind.NotificationRejected, "line one\r\nline two" + new string('x', 1000));

        var detail = _table.Single().Detail!;
        Assert.Multiple(() =>
        {
            Assert.That(detail, Has.Length.EqualTo(QfPayIntegrationEvent.DetailMaxLength));
            Assert.That(detail, Does.StartWith("line one  line two"));
            Assert.That(detail, Does.EndWith("…"));
        });
    }

    [Test]
    public void The_kind_is_stored_as_its_number()
    {
        var e = new QfPayIntegrationEvent { Kind = IntegrationEventKind.ReconciliationRun };

        Assert.That(e.KindId, Is.EqualTo(30));
    }
}
