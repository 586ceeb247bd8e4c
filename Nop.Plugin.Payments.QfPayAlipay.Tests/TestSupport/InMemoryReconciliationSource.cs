using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary><see cref="IReconciliationSource"/> over the in-memory attempt and settlement-claim tables, with the repository's filters and order.</summary>
public sealed class InMemoryReconciliationSource(InMemoryPaymentAttemptStore attempts, InMemorySettlementClaimStore claims) : IReconciliationSource
{
    public Task<IReadOnlyList<QfPayPaymentAttempt>> ListOpenAttemptsAsync(DateTime createdAfterUtc, DateTime createdBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QfPayPaymentAttempt>>(attempts.All
            .Where(static a => a.Status is PaymentAttemptStatus.Created or PaymentAttemptStatus.AwaitingPayment or PaymentAttemptStatus.Unknown)
            .Where(a => a.CreatedOnUtc > createdAfterUtc && a.CreatedOnUtc <= createdBeforeUtc)
            .Where(a => after is null || a.CreatedOnUtc > after.CreatedOnUtc || (a.CreatedOnUtc == after.CreatedOnUtc && a.Id > after.Id))
            .OrderBy(static a => a.CreatedOnUtc).ThenBy(static a => a.Id)
            .Take(take)
            .ToList());

    public Task<int> CountOpenAttemptsAsync(DateTime createdAfterUtc, int storeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(attempts.All
            .Where(static a => a.Status is PaymentAttemptStatus.Created or PaymentAttemptStatus.AwaitingPayment or PaymentAttemptStatus.Unknown)
            .Count(a => a.CreatedOnUtc > createdAfterUtc && (storeId == 0 || a.StoreId == storeId)));

    public Task<IReadOnlyList<QfPaySettlementClaim>> ListAbandonedSettlementsAsync(DateTime claimedAfterUtc, DateTime claimedBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QfPaySettlementClaim>>(claims.All
            .Where(c => c.CompletedOnUtc is null && c.ClaimedOnUtc > claimedAfterUtc && c.ClaimedOnUtc < claimedBeforeUtc
                && c.ClaimKey.StartsWith(SettlementClaimKeys.OrderPrefix, StringComparison.Ordinal))
            .Where(c => after is null || c.ClaimedOnUtc > after.CreatedOnUtc || (c.ClaimedOnUtc == after.CreatedOnUtc && c.Id > after.Id))
            .OrderBy(static c => c.ClaimedOnUtc).ThenBy(static c => c.Id)
            .Take(take)
            .ToList());
}
