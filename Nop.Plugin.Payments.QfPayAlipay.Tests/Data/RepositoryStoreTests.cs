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
        _repository = new Mock<IRepository<QfPaySettlementClaim>>();
        _repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPaySettlementClaim>, IQueryable<QfPaySettlementClaim>>>(),
                It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<QfPaySettlementClaim>, IQueryable<QfPaySettlementClaim>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                query(_rows.AsQueryable()).ToList());
        _store = new RepositorySettlementClaimStore(_repository.Object);
    }

    private static QfPaySettlementClaim Claim() => new() { ClaimKey = SettlementClaimKeys.Payment("20250318155400020012345678", 1), Syssn = "20250318155400020012345678" };

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
        var rows = new List<QfPayPaymentAttempt> { new() { Id = 1, OutTradeNo = "10025-1-ABCDEF" } };
        var repository = new Mock<IRepository<QfPayPaymentAttempt>>();
        repository.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPayPaymentAttempt>, IQueryable<QfPayPaymentAttempt>>>(),
                It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<QfPayPaymentAttempt>, IQueryable<QfPayPaymentAttempt>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                query(rows.AsQueryable()).ToList());
        repository.Setup(r => r.InsertAsync(It.IsAny<QfPayPaymentAttempt>(), It.IsAny<bool>())).ThrowsAsync(new TestDatabaseException("unique"));
        var store = new RepositoryPaymentAttemptStore(repository.Object);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await store.InsertAsync(new QfPayPaymentAttempt { OutTradeNo = "10025-1-ABCDEF" }), Is.EqualTo(UniqueInsert.Duplicate));
            Assert.That(await store.InsertAsync(new QfPayPaymentAttempt { OutTradeNo = "10025-2-ZZZZZZ" }), Is.EqualTo(UniqueInsert.Failed));
            Assert.That((await store.FindByOutTradeNoAsync(" 10025-1-ABCDEF "))?.Id, Is.EqualTo(1));
            Assert.That(await store.FindByOutTradeNoAsync(""), Is.Null);
        });
    }
}
