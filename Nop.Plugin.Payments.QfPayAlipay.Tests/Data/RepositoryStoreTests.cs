using Moq;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>The stores on nopCommerce's repository: how a failed INSERT is told apart (duplicate or outage).</summary>
[TestFixture]
public class RepositoryStoreTests
{
    private readonly List<QfPaySettlementClaim> _rows = [];
    private Mock<IRepository<QfPaySettlementClaim>> _repository = null!;
    private RepositorySettlementClaimStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _rows.Clear();
        _sql = new RecordingDataProvider();
        _repository = new Mock<IRepository<QfPaySettlementClaim>>();
        _repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPaySettlementClaim>, IQueryable<QfPaySettlementClaim>>>(),
                It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<QfPaySettlementClaim>, IQueryable<QfPaySettlementClaim>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                query(_rows.AsQueryable()).ToList());
        _store = new RepositorySettlementClaimStore(_repository.Object, new ConditionalUpdate(_sql, SqlDialect.DoubleQuotes));
    }

    private RecordingDataProvider _sql = new();

    private static QfPaySettlementClaim Claim() => new() { ClaimKey = SettlementClaimKeys.Order(10025), Syssn = "20250318155400020012345678" };

    [Test]
    public async Task An_insert_that_works_is_ours_and_publishes_no_entity_event()
    {
        var result = await _store.TryInsertAsync(Claim());

        Assert.That(result, Is.EqualTo(UniqueInsert.Inserted));
        _repository.Verify(r => r.InsertAsync(It.IsAny<QfPaySettlementClaim>(), false), Times.Once);
    }

    [Test]
    public async Task An_insert_refused_while_the_key_exists_is_a_duplicate()
    {
        _rows.Add(Claim());
        _repository.Setup(r => r.InsertAsync(It.IsAny<QfPaySettlementClaim>(), It.IsAny<bool>()))
            .ThrowsAsync(new TestDatabaseException("duplicate key value violates unique constraint"));

        Assert.That(await _store.TryInsertAsync(Claim()), Is.EqualTo(UniqueInsert.Duplicate));
    }

    [Test]
    public async Task An_insert_refused_while_the_key_does_not_exist_is_a_failure_not_a_duplicate()
    {
        _repository.Setup(r => r.InsertAsync(It.IsAny<QfPaySettlementClaim>(), It.IsAny<bool>()))
            .ThrowsAsync(new TestDatabaseException("connection reset"));

        Assert.That(await _store.TryInsertAsync(Claim()), Is.EqualTo(UniqueInsert.Failed));
    }

    [Test]
    public async Task An_insert_refused_while_the_database_cannot_even_be_read_is_a_failure()
    {
        _repository.Setup(r => r.InsertAsync(It.IsAny<QfPaySettlementClaim>(), It.IsAny<bool>())).ThrowsAsync(new TestDatabaseException("down"));
        _repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPaySettlementClaim>, IQueryable<QfPaySettlementClaim>>>(),
            It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>())).ThrowsAsync(new TestDatabaseException("down"));

        Assert.That(await _store.TryInsertAsync(Claim()), Is.EqualTo(UniqueInsert.Failed));
    }

    [Test]
    public async Task Attempts_are_told_apart_the_same_way()
    {
        var rows = new List<QfPayPaymentAttempt> { new() { Id = 1, OrderId = 10025, AttemptNumber = 1, OutTradeNo = "10025-1-ABCDEF" } };
        var repository = new Mock<IRepository<QfPayPaymentAttempt>>();
        repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPayPaymentAttempt>, IQueryable<QfPayPaymentAttempt>>>(),
                It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<QfPayPaymentAttempt>, IQueryable<QfPayPaymentAttempt>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                query(rows.AsQueryable()).ToList());
        repository.Setup(r => r.InsertAsync(It.IsAny<QfPayPaymentAttempt>(), It.IsAny<bool>())).ThrowsAsync(new TestDatabaseException("unique"));
        var store = new RepositoryPaymentAttemptStore(repository.Object, new ConditionalUpdate(_sql, SqlDialect.DoubleQuotes));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await store.InsertAsync(new QfPayPaymentAttempt { OrderId = 10025, AttemptNumber = 2, OutTradeNo = "10025-1-ABCDEF" }), Is.EqualTo(UniqueInsert.Duplicate));
            Assert.That(await store.InsertAsync(new QfPayPaymentAttempt { OrderId = 10025, AttemptNumber = 1, OutTradeNo = "10025-1-QQQQQQ" }), Is.EqualTo(UniqueInsert.Duplicate),
                "a second attempt 1 of the same order: two requests starting a payment at once");
            Assert.That(await store.InsertAsync(new QfPayPaymentAttempt { OrderId = 10025, AttemptNumber = 2, OutTradeNo = "10025-2-ZZZZZZ" }), Is.EqualTo(UniqueInsert.Failed));
            Assert.That((await store.FindByOutTradeNoAsync(" 10025-1-ABCDEF "))?.Id, Is.EqualTo(1));
            Assert.That(await store.FindByOutTradeNoAsync(""), Is.Null);
        });
    }

    [Test]
    public async Task An_attempt_moves_by_one_update_guarded_by_the_statuses_it_may_start_from()
    {
        var store = new RepositoryPaymentAttemptStore(Mock.Of<IRepository<QfPayPaymentAttempt>>(), new ConditionalUpdate(_sql, SqlDialect.DoubleQuotes));
        var at = new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

        var moved = await store.TryChangeAsync(42, new AttemptChange(PaymentAttemptStatus.Paid, "Paid.", at) { Syssn = "20250318155400020012345678" });

        var (sql, parameters) = _sql.Statements.Single();
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.True);
            Assert.That(sql, Is.EqualTo("UPDATE \"QfPayPaymentAttempt\" SET \"StatusId\" = @s0, \"LastMessage\" = @s1, \"UpdatedOnUtc\" = @s2, \"Syssn\" = @s3 " +
                "WHERE \"Id\" = @id AND \"StatusId\" IN (@w5, @w6, @w7, @w8, @w9)"));
            Assert.That(parameters.Select(static p => p.Name), Is.EqualTo(new[] { "s0", "s1", "s2", "s3", "id", "w5", "w6", "w7", "w8", "w9" }));
            Assert.That(parameters.Skip(5).Select(static p => p.Value), Is.EquivalentTo(new object[] { 0, 10, 30, 40, 50 }),
                "created, awaiting, failed, unknown, expired: never from paid, mismatch, duplicate or not applied");
            Assert.That(parameters.Single(static p => p.Name == "id").Value, Is.EqualTo(42));
        });
    }

    [Test]
    public async Task A_change_the_database_did_not_apply_is_reported_as_lost()
    {
        _sql.RowsAffected = 0;
        var store = new RepositoryPaymentAttemptStore(Mock.Of<IRepository<QfPayPaymentAttempt>>(), new ConditionalUpdate(_sql, SqlDialect.DoubleQuotes));

        Assert.That(await store.TryChangeAsync(42, new AttemptChange(PaymentAttemptStatus.AwaitingPayment, null, DateTime.UtcNow)), Is.False);
        Assert.That(_sql.Statements.Single().Sql, Does.Contain("\"LastMessage\" = NULL"), "a null is the literal NULL, whatever the column type");
    }

    [Test]
    public async Task Mysql_and_mariadb_names_are_quoted_with_backticks()
    {
        var store = new RepositoryPaymentAttemptStore(Mock.Of<IRepository<QfPayPaymentAttempt>>(), new ConditionalUpdate(_sql, SqlDialect.For(DataProviderType.MySql)));

        await store.RecordQueriedAsync(7, DateTime.UtcNow);

        Assert.That(_sql.Statements.Single().Sql, Is.EqualTo("UPDATE `QfPayPaymentAttempt` SET `LastQueriedOnUtc` = @s0 WHERE `Id` = @id"));
    }

    [Test]
    public async Task A_claim_is_completed_and_taken_over_only_while_it_is_the_expected_holders()
    {
        var at = new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

        await _store.TryCompleteAsync(5, "node-a", new ClaimCompletion(SettlementClaimOutcome.MarkedPaid, 9, "S1", at));
        await _store.TryTakeOverAsync(5, "node-a", at.AddSeconds(-30), new ClaimTakeover("node-b", 9, "S1", at));

        Assert.Multiple(() =>
        {
            Assert.That(_sql.Statements[0].Sql, Does.EndWith("WHERE \"Id\" = @id AND \"HolderToken\" = @w5 AND \"CompletedOnUtc\" IS NULL"));
            Assert.That(_sql.Statements[1].Sql, Does.EndWith("WHERE \"Id\" = @id AND \"HolderToken\" = @w5 AND \"CompletedOnUtc\" IS NULL AND \"ClaimedOnUtc\" < @w6"));
        });
    }
}
