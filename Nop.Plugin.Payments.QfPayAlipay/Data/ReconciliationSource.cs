using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>What the reconciliation task works through: open payment attempts and abandoned settlements, oldest first.</summary>
public interface IReconciliationSource
{
    /// <summary>
    /// Attempts not yet final (created, awaiting payment, unknown) created between the two times, oldest first
    /// (creation time, then id), starting after <paramref name="after"/>. Keyset paging: attempts that become final
    /// while a run works through the list do not shift the pages.
    /// </summary>
    Task<IReadOnlyList<QfPayPaymentAttempt>> ListOpenAttemptsAsync(DateTime createdAfterUtc, DateTime createdBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// How many attempts not yet final were created after <paramref name="createdAfterUtc"/> in store
    /// <paramref name="storeId"/> (0: every store): those reconciliation leaves alone for now, so the configure page can
    /// say why "Run now" did not touch them.
    /// </summary>
    Task<int> CountOpenAttemptsAsync(DateTime createdAfterUtc, int storeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Payment settlement claims still open although taken between the two times (their holder died), oldest first,
    /// after <paramref name="after"/> (keyset paging by claim time and id).
    /// </summary>
    Task<IReadOnlyList<QfPaySettlementClaim>> ListAbandonedSettlementsAsync(DateTime claimedAfterUtc, DateTime claimedBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default);
}

/// <summary>Where a keyset page (oldest first) ends: the time (created or claimed) and id of its last row.</summary>
public sealed record ListPosition(DateTime CreatedOnUtc, int Id);

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
