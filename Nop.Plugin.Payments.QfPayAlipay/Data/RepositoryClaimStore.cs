using System.Data.Common;
using System.Linq.Expressions;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// A claim table on nopCommerce's <see cref="IRepository{TEntity}"/>. The INSERT is the lock: the unique index
/// on ClaimKey lets exactly one web node, thread or retry win, whatever the cache or locker setup.
/// </summary>
public abstract class RepositoryClaimStore<TClaim> where TClaim : BaseEntity, IClaimRow
{
    protected RepositoryClaimStore(IRepository<TClaim> repository)
    {
        Repository = repository;
    }

    protected IRepository<TClaim> Repository { get; }

    public virtual async Task<UniqueInsert> TryInsertAsync(TClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await Repository.InsertAsync(claim, false);
            return UniqueInsert.Inserted;
        }
        catch (DbException)
        {
            // Each provider has its own unique-violation exception; whether the key now exists tells them apart
            // from a connection or timeout failure without naming any of them.
            return await UniqueKeyDecision.AfterFailedInsertAsync(() => FindAsync(claim.ClaimKey, cancellationToken));
        }
    }

    public virtual async Task<TClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await Repository.GetAllAsync(query => query.Where(HasKey(claimKey)).Take(1));
        return rows.FirstOrDefault();
    }

    /// <summary>
    /// The key filter on the concrete entity: the database query must name the mapped column directly rather
    /// than the interface property, which the data provider would have to translate.
    /// </summary>
    protected abstract Expression<Func<TClaim, bool>> HasKey(string claimKey);
}
