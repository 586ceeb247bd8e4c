using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary><see cref="IReconciliationSource"/> over the checkout's attempt and settlement-claim tables (read only).</summary>
public class RepositoryReconciliationSource : IReconciliationSource
{

    private readonly IRepository<QfPayPaymentAttempt> _attempts;
    private readonly IRepository<QfPaySettlementClaim> _claims;

    public RepositoryReconciliationSource(IRepository<QfPayPaymentAttempt> attempts, IRepository<QfPaySettlementClaim> claims)
    {
        _attempts = attempts;
        _claims = claims;
    }

    public virtual async Task<IReadOnlyList<QfPayPaymentAttempt>> ListOpenAttemptsAsync(DateTime createdAfterUtc, DateTime createdBeforeUtc,
        ListPosition? after, int take, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int[] open = [(int)PaymentAttemptStatus.Created, (int)PaymentAttemptStatus.AwaitingPayment, (int)PaymentAttemptStatus.Unknown];
        var afterTime = after?.CreatedOnUtc ?? DateTime.MinValue;
        var afterId = after?.Id ?? 0;
        var rows = await _attempts.GetAllAsync(query => query
            .Where(a => open.Contains(a.StatusId) && a.CreatedOnUtc > createdAfterUtc && a.CreatedOnUtc <= createdBeforeUtc)
            .Where(a => a.CreatedOnUtc > afterTime || (a.CreatedOnUtc == afterTime && a.Id > afterId))
            .OrderBy(a => a.CreatedOnUtc).ThenBy(a => a.Id)
            .Take(take));
        return rows.ToList();
    }

    // Only minutes' worth of rows match, so they are counted here rather than through a provider-specific COUNT.
    public virtual async Task<int> CountOpenAttemptsAsync(DateTime createdAfterUtc, int storeId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int[] open = [(int)PaymentAttemptStatus.Created, (int)PaymentAttemptStatus.AwaitingPayment, (int)PaymentAttemptStatus.Unknown];
        var rows = await _attempts.GetAllAsync(query => query
            .Where(a => open.Contains(a.StatusId) && a.CreatedOnUtc > createdAfterUtc && (storeId == 0 || a.StoreId == storeId)));
        return rows.Count;
    }

    public virtual async Task<IReadOnlyList<QfPaySettlementClaim>> ListAbandonedSettlementsAsync(DateTime claimedAfterUtc, DateTime claimedBeforeUtc,
        ListPosition? after, int take, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var afterTime = after?.CreatedOnUtc ?? DateTime.MinValue;
        var afterId = after?.Id ?? 0;
        var rows = await _claims.GetAllAsync(query => query
            .Where(c => c.CompletedOnUtc == null && c.ClaimedOnUtc > claimedAfterUtc && c.ClaimedOnUtc < claimedBeforeUtc
                && c.ClaimKey.StartsWith(SettlementClaimKeys.OrderPrefix))
            .Where(c => c.ClaimedOnUtc > afterTime || (c.ClaimedOnUtc == afterTime && c.Id > afterId))
            .OrderBy(c => c.ClaimedOnUtc).ThenBy(c => c.Id)
            .Take(take));
        return rows.ToList();
    }
}
