using Moq;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>The count behind the health card's "attempts too recent to query" (issue #13 item 4), over the repository.</summary>
public class RepositoryReconciliationSourceTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private readonly List<QfPayPaymentAttempt> _rows = [];
    private RepositoryReconciliationSource _source = null!;

    [SetUp]
    public void SetUp()
    {
        _rows.Clear();
        var attempts = new Mock<IRepository<QfPayPaymentAttempt>>();
        attempts.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<QfPayPaymentAttempt>, IQueryable<QfPayPaymentAttempt>>>(),
                It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<QfPayPaymentAttempt>, IQueryable<QfPayPaymentAttempt>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                query(_rows.AsQueryable()).ToList());
        _source = new RepositoryReconciliationSource(attempts.Object, Mock.Of<IRepository<QfPaySettlementClaim>>());
    }

    private void Add(int storeId, TimeSpan age, PaymentAttemptStatus status) =>
        _rows.Add(new QfPayPaymentAttempt { Id = _rows.Count + 1, StoreId = storeId, CreatedOnUtc = Now - age, Status = status, OutTradeNo = $"T{_rows.Count}" });

    [Test]
    public async Task Counts_open_attempts_created_after_the_time_in_the_store_or_in_every_store()
    {
        Add(1, TimeSpan.FromMinutes(1), PaymentAttemptStatus.AwaitingPayment);
        Add(1, TimeSpan.FromMinutes(2), PaymentAttemptStatus.Created);
        Add(2, TimeSpan.FromMinutes(3), PaymentAttemptStatus.Unknown);
        Add(1, TimeSpan.FromMinutes(4), PaymentAttemptStatus.Paid);
        Add(1, TimeSpan.FromMinutes(4), PaymentAttemptStatus.Expired);
        Add(1, TimeSpan.FromMinutes(6), PaymentAttemptStatus.AwaitingPayment);

        var since = Now - TimeSpan.FromMinutes(5);

        Assert.Multiple(async () =>
        {
            Assert.That(await _source.CountOpenAttemptsAsync(since, 0), Is.EqualTo(3));
            Assert.That(await _source.CountOpenAttemptsAsync(since, 1), Is.EqualTo(2));
            Assert.That(await _source.CountOpenAttemptsAsync(since, 3), Is.Zero);
        });
    }
}
