using System.Linq.Expressions;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// The health log's table, counted rather than kept: the plugin's own IntegrationHealthLog runs on the measured path
/// (one insert per notification, a prune at most once an hour), and, as with a database, the web node holds none of
/// the rows it wrote. Nothing on the measured paths reads them back.
/// </summary>
public sealed class CountedEventTable : IRepository<QfPayIntegrationEvent>
{
    private int _lastId;

    /// <summary>How many events were written in the whole run.</summary>
    public int Written => Volatile.Read(ref _lastId);

    public Task InsertAsync(QfPayIntegrationEvent entity, bool publishEvent = true)
    {
        entity.Id = Interlocked.Increment(ref _lastId);
        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<QfPayIntegrationEvent, bool>> predicate) => Task.FromResult(0);

    public IQueryable<QfPayIntegrationEvent> Table => Enumerable.Empty<QfPayIntegrationEvent>().AsQueryable();

    public Task<IList<QfPayIntegrationEvent>> GetAllAsync(Func<IQueryable<QfPayIntegrationEvent>, IQueryable<QfPayIntegrationEvent>> func = null!,
        Func<ICacheKeyService, CacheKey> getCacheKey = null!, bool includeDeleted = true) => Task.FromResult<IList<QfPayIntegrationEvent>>([]);

    public Task<QfPayIntegrationEvent> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null!, bool includeDeleted = true,
        bool useShortTermCache = false) => Task.FromResult<QfPayIntegrationEvent>(null!);

    public Task UpdateAsync(QfPayIntegrationEvent entity, bool publishEvent = true) => Task.CompletedTask;

    public Task DeleteAsync(QfPayIntegrationEvent entity, bool publishEvent = true) => Task.CompletedTask;
}
