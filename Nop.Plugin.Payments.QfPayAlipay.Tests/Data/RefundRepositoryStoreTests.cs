using Moq;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>The refund, work-claim and reconciliation queries on nopCommerce's repository, run against rows in memory.</summary>
public class RefundRepositoryStoreTests
{
    private static readonly DateTime Now = new(2026, 3, 18, 6, 0, 0, DateTimeKind.Utc);

    private static Mock<IRepository<T>> Repository<T>(List<T> rows) where T : Nop.Core.BaseEntity
    {
        var repository = new Mock<IRepository<T>>();
        repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<T>, IQueryable<T>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<T>, IQueryable<T>> query, Func<ICacheKeyService, CacheKey> _, bool _) => query(rows.AsQueryable()).ToList());
        return repository;
    }

    [Test]
    public async Task A_refund_refused_by_the_payment_and_sequence_index_is_a_duplicate_not_an_outage()
    {
        var rows = new List<QfPayRefund> { new() { Id = 1, PaymentAttemptId = 7, Sequence = 2, OutTradeNo = "10025-R2-AAAAAA" } };
        var repository = Repository(rows);
        repository.Setup(r => r.InsertAsync(It.IsAny<QfPayRefund>(), false)).ThrowsAsync(new TestDatabaseException("unique"));
        var store = new RepositoryRefundStore(repository.Object, new ConditionalUpdate(new RecordingDataProvider(), SqlDialect.DoubleQuotes));

        var sameSequence = await store.InsertAsync(new QfPayRefund { PaymentAttemptId = 7, Sequence = 2, OutTradeNo = "10025-R2-BBBBBB" });
        var outage = await store.InsertAsync(new QfPayRefund { PaymentAttemptId = 7, Sequence = 3, OutTradeNo = "10025-R3-CCCCCC" });

        Assert.That((sameSequence, outage), Is.EqualTo((UniqueInsert.Duplicate, UniqueInsert.Failed)));
    }

    [Test]
    public async Task Pending_refunds_are_listed_oldest_first_page_after_page()
    {
        var rows = Enumerable.Range(1, 5).Select(i => new QfPayRefund
        {
            Id = i, Status = i == 3 ? RefundStatus.Succeeded : RefundStatus.Pending, CreatedOnUtc = Now.AddMinutes(-i),
        }).ToList();
        var store = new RepositoryRefundStore(Repository(rows).Object, new ConditionalUpdate(new RecordingDataProvider(), SqlDialect.DoubleQuotes));

        var first = await store.ListPendingAsync(Now, null, 2);
        var second = await store.ListPendingAsync(Now, new ListPosition(first[^1].CreatedOnUtc, first[^1].Id), 2);

        Assert.That(first.Concat(second).Select(static r => r.Id), Is.EqualTo(new[] { 5, 4, 2, 1 }));
    }

    [Test]
    public async Task The_latest_query_claim_of_a_subject_is_the_one_with_the_highest_sequence()
    {
        var rows = new List<QfPayWorkClaim>
        {
            new() { Id = 1, Kind = WorkClaimKind.QueryAttempt, SubjectId = 4, Sequence = 1 },
            new() { Id = 2, Kind = WorkClaimKind.QueryAttempt, SubjectId = 4, Sequence = 3 },
            new() { Id = 3, Kind = WorkClaimKind.QueryRefund, SubjectId = 4, Sequence = 9 },
            new() { Id = 4, Kind = WorkClaimKind.QueryAttempt, SubjectId = 5, Sequence = 8 },
        };
        var store = new RepositoryWorkClaimStore(Repository(rows).Object);

        var latest = await store.LatestAsync(WorkClaimKind.QueryAttempt, 4);

        Assert.That(latest?.Id, Is.EqualTo(2));
    }

    [Test]
    public async Task Open_attempts_are_listed_oldest_first_within_the_age_window_and_final_ones_never()
    {
        var attempts = new List<QfPayPaymentAttempt>
        {
            new() { Id = 1, Status = PaymentAttemptStatus.AwaitingPayment, CreatedOnUtc = Now.AddMinutes(-10) },
            new() { Id = 2, Status = PaymentAttemptStatus.Paid, CreatedOnUtc = Now.AddMinutes(-20) },
            new() { Id = 3, Status = PaymentAttemptStatus.Unknown, CreatedOnUtc = Now.AddMinutes(-30) },
            new() { Id = 4, Status = PaymentAttemptStatus.Created, CreatedOnUtc = Now.AddMinutes(-2) },
            new() { Id = 5, Status = PaymentAttemptStatus.AwaitingPayment, CreatedOnUtc = Now.AddDays(-40) },
        };
        var source = new RepositoryReconciliationSource(Repository(attempts).Object, Repository(new List<QfPaySettlementClaim>()).Object);

        var open = await source.ListOpenAttemptsAsync(Now.AddDays(-35), Now.AddMinutes(-5), null, 10);

        Assert.That(open.Select(static a => a.Id), Is.EqualTo(new[] { 3, 1 }));
    }

    [Test]
    public async Task Abandoned_settlements_are_open_order_claims_older_than_the_lease()
    {
        var claims = new List<QfPaySettlementClaim>
        {
            new() { Id = 1, ClaimKey = "order:1", ClaimedOnUtc = Now.AddMinutes(-10) },
            new() { Id = 2, ClaimKey = "order:2", ClaimedOnUtc = Now.AddMinutes(-10), CompletedOnUtc = Now.AddMinutes(-10) },
            new() { Id = 3, ClaimKey = "mismatch:3", ClaimedOnUtc = Now.AddMinutes(-10) },
            new() { Id = 4, ClaimKey = "order:4", ClaimedOnUtc = Now.AddMinutes(-1) },
            new() { Id = 5, ClaimKey = "payment:5#1", ClaimedOnUtc = Now.AddMinutes(-10) },
        };
        var source = new RepositoryReconciliationSource(Repository(new List<QfPayPaymentAttempt>()).Object, Repository(claims).Object);

        var abandoned = await source.ListAbandonedSettlementsAsync(Now.AddDays(-35), Now.AddMinutes(-2), null, 10);

        Assert.That(abandoned.Select(static c => c.Id), Is.EqualTo(new[] { 1 }));
    }
}
