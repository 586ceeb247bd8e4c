using System.Linq.Expressions;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// <see cref="ISettlementClaimStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>. The INSERT is the lock:
/// the unique index on ClaimKey lets exactly one web node, thread or retry win, whatever the cache or locker setup;
/// renewals, takeovers and completions are guarded UPDATEs (<see cref="ConditionalUpdate"/>).
/// </summary>
public class RepositorySettlementClaimStore : RepositoryClaimStore<QfPaySettlementClaim>, ISettlementClaimStore
{
    private readonly ConditionalUpdate _update;

    public RepositorySettlementClaimStore(IRepository<QfPaySettlementClaim> repository, ConditionalUpdate update)
        : base(repository)
    {
        _update = update;
    }

    protected override Expression<Func<QfPaySettlementClaim, bool>> HasKey(string claimKey) => c => c.ClaimKey == claimKey;

    public virtual Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        _update.ApplyAsync(RowUpdate.Of<QfPaySettlementClaim>(claimId)
            .Set(nameof(QfPaySettlementClaim.ClaimedOnUtc), nowUtc)
            .WhereEquals(nameof(QfPaySettlementClaim.HolderToken), holderToken)
            .WhereEquals(nameof(QfPaySettlementClaim.CompletedOnUtc), null), cancellationToken);

    public virtual Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(takeover);
        return _update.ApplyAsync(RowUpdate.Of<QfPaySettlementClaim>(claimId)
            .Set(nameof(QfPaySettlementClaim.HolderToken), takeover.TakerToken)
            .Set(nameof(QfPaySettlementClaim.ClaimedOnUtc), takeover.NowUtc)
            .Set(nameof(QfPaySettlementClaim.AttemptId), takeover.AttemptId)
            .Set(nameof(QfPaySettlementClaim.Syssn), takeover.Syssn)
            .WhereEquals(nameof(QfPaySettlementClaim.HolderToken), goneHolderToken)
            .WhereEquals(nameof(QfPaySettlementClaim.CompletedOnUtc), null)
            .WhereBefore(nameof(QfPaySettlementClaim.ClaimedOnUtc), leaseStartedBeforeUtc), cancellationToken);
    }

    public virtual async Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Repository.DeleteAsync(c => c.Id == claimId && c.HolderToken == holderToken && c.CompletedOnUtc == null) > 0;
    }

    public virtual Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return _update.ApplyAsync(RowUpdate.Of<QfPaySettlementClaim>(claimId)
            .Set(nameof(QfPaySettlementClaim.CompletedOnUtc), completion.NowUtc)
            .Set(nameof(QfPaySettlementClaim.OutcomeId), (int)completion.Outcome)
            .Set(nameof(QfPaySettlementClaim.AttemptId), completion.AttemptId)
            .Set(nameof(QfPaySettlementClaim.Syssn), completion.Syssn)
            .WhereEquals(nameof(QfPaySettlementClaim.HolderToken), holderToken)
            .WhereEquals(nameof(QfPaySettlementClaim.CompletedOnUtc), null), cancellationToken);
    }
}
