using System.Linq.Expressions;
using System.Transactions;
using LinqToDB.Async;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// nopCommerce's <c>EntityRepository&lt;TEntity&gt;</c> (Nop.Data/EntityRepository.cs, 4.90.6) for the members the plugin
/// calls, over one node's <see cref="NodeDataProvider"/>: GetAllAsync runs the caller's query; GetByIdAsync is null for
/// no id or 0; InsertAsync sets the entity's Id; UpdateAsync writes every column; DeleteAsync(predicate) deletes in one
/// statement inside a TransactionScope. Entity events are not published (the plugin passes publishEvent: false).
/// </summary>
/// <remarks>
/// A cache key makes nopCommerce cache the result in the node's memory; this repository refuses one, because the plugin's
/// tables change under concurrent requests on other nodes and must always be read from the database.
/// </remarks>
public sealed class LinqToDbRepository<TEntity>(NodeDataProvider dataProvider) : IRepository<TEntity> where TEntity : BaseEntity
{
    public IQueryable<TEntity> Table => dataProvider.GetTable<TEntity>();

    public async Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true,
        bool useShortTermCache = false)
    {
        RefuseCaching(getCacheKey);
        if (!id.HasValue || id == 0)
            return null!;

        var key = id.Value;
        return (await Table.FirstOrDefaultAsync(entity => entity.Id == key))!;
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        RefuseCaching(getCacheKey);
        var query = func is null ? Table : func(Table);
        return await query.ToListAsync();
    }

    public async Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await dataProvider.InsertEntityAsync(entity);
    }

    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await dataProvider.UpdateEntityAsync(entity);
    }

    public async Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await dataProvider.DeleteEntityAsync(entity);
    }

    public async Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        var deleted = await dataProvider.BulkDeleteEntitiesAsync(predicate);
        transaction.Complete();
        return deleted;
    }

    private static void RefuseCaching(Func<ICacheKeyService, CacheKey>? getCacheKey)
    {
        if (getCacheKey is not null)
            throw new NotSupportedException($"The plugin's {typeof(TEntity).Name} rows must not be cached: other web nodes change them.");
    }
}
