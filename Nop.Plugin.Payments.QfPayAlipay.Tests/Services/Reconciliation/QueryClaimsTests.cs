using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Reconciliation;

/// <summary>The query claim: "LastQueriedOnUtc" as a unique insert, so that of several nodes exactly one queries.</summary>
public class QueryClaimsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Two_nodes_that_read_the_same_last_query_cannot_both_claim_the_next_one()
    {
        var store = new BothReadFirstStore(new InMemoryWorkClaimStore());
        var clock = new JumpingClock(Start);
        var first = new QueryClaims(store, clock);
        var second = new QueryClaims(store, clock);

        var claimed = await Task.WhenAll(
            Task.Run(() => first.TryClaimAsync(WorkClaimKind.QueryAttempt, 42, TimeSpan.FromMinutes(10))),
            Task.Run(() => second.TryClaimAsync(WorkClaimKind.QueryAttempt, 42, TimeSpan.FromMinutes(10))));

        Assert.Multiple(() =>
        {
            Assert.That(claimed.Count(static c => c), Is.EqualTo(1));
            Assert.That(store.Inner.DuplicateInserts, Is.EqualTo(1), "both tried; the unique key let one through");
        });
    }

    [Test]
    public async Task An_attempt_is_claimed_again_only_after_the_interval()
    {
        var store = new InMemoryWorkClaimStore();
        var clock = new JumpingClock(Start);
        var claims = new QueryClaims(store, clock);

        var now = await claims.TryClaimAsync(WorkClaimKind.QueryAttempt, 42, TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(9));
        var tooSoon = await claims.TryClaimAsync(WorkClaimKind.QueryAttempt, 42, TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await claims.TryClaimAsync(WorkClaimKind.QueryAttempt, 42, TimeSpan.FromMinutes(10));

        Assert.Multiple(() =>
        {
            Assert.That((now, tooSoon, later), Is.EqualTo((true, false, true)));
            Assert.That(store.All.Select(static c => c.ClaimKey), Is.EqualTo(new[] { "query-attempt:42#1", "query-attempt:42#2" }));
        });
    }

    /// <summary>Holds every reader until two have read the latest claim: the worst interleaving of two nodes.</summary>
    private sealed class BothReadFirstStore(InMemoryWorkClaimStore inner) : IWorkClaimStore
    {
        private readonly Barrier _bothRead = new(2);

        public InMemoryWorkClaimStore Inner => inner;

        public Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default) => inner.TryInsertAsync(claim, cancellationToken);

        public Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default) => inner.FindAsync(claimKey, cancellationToken);

        public async Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default)
        {
            var latest = await inner.LatestAsync(kind, subjectId, cancellationToken);
            _bothRead.SignalAndWait(TimeSpan.FromSeconds(5));
            return latest;
        }

        public Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default) => inner.PruneQueriesAsync(claimedBeforeUtc, cancellationToken);
    }
}
