using System.Data.Common;
using System.Linq.Expressions;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>What an insert into a uniquely indexed table did. Failure is normal here, so it is returned, not thrown.</summary>
public enum UniqueInsert
{
    /// <summary>The row is ours.</summary>
    Inserted,

    /// <summary>A row with the same unique key already exists (someone else won).</summary>
    Duplicate,

    /// <summary>The database failed for another reason (connection, timeout, deadlock): nothing is known, try later.</summary>
    Failed,
}

/// <summary>
/// After an INSERT failed with a <see cref="DbException"/>: if a row with the key exists now, the failure was the
/// unique index (someone else inserted it); if not, it was something else (connection, timeout) and nothing is known.
/// </summary>
internal static class UniqueKeyDecision
{
    public static async Task<UniqueInsert> AfterFailedInsertAsync<T>(Func<Task<T?>> findByKey) where T : class
    {
        try
        {
            return await findByKey() is null ? UniqueInsert.Failed : UniqueInsert.Duplicate;
        }
        catch (DbException)
        {
            return UniqueInsert.Failed;
        }
    }
}

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
