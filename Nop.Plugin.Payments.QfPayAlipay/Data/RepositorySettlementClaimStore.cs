using System.Data.Common;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// <see cref="ISettlementClaimStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>. The INSERT is the lock:
/// the unique index on ClaimKey lets exactly one web node, thread or retry win, whatever the cache or locker setup.
/// </summary>
public class RepositorySettlementClaimStore : ISettlementClaimStore
{
    private readonly IRepository<QfPaySettlementClaim> _repository;

    public RepositorySettlementClaimStore(IRepository<QfPaySettlementClaim> repository)
    {
        _repository = repository;
    }

    public virtual async Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _repository.InsertAsync(claim, false);
            return UniqueInsert.Inserted;
        }
        catch (DbException)
        {
            return await UniqueKeyDecision.AfterFailedInsertAsync(() => FindAsync(claim.ClaimKey, cancellationToken));
        }
    }

    public virtual async Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await _repository.GetAllAsync(query => query.Where(c => c.ClaimKey == claimKey).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        await _repository.UpdateAsync(claim, false);
    }
}
