using System.Linq.Expressions;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// <see cref="ISettlementClaimStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>. The INSERT is the lock:
/// the unique index on ClaimKey lets exactly one web node, thread or retry win, whatever the cache or locker setup.
/// </summary>
public class RepositorySettlementClaimStore : RepositoryClaimStore<QfPaySettlementClaim>, ISettlementClaimStore
{
    public RepositorySettlementClaimStore(IRepository<QfPaySettlementClaim> repository)
        : base(repository)
    {
    }

    protected override Expression<Func<QfPaySettlementClaim, bool>> HasKey(string claimKey) => c => c.ClaimKey == claimKey;

    public virtual async Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        await Repository.UpdateAsync(claim, false);
    }
}
