using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// What a container (one simulated web node) gets when the plugin's tables live in a test database: nopCommerce's data
/// layer for that node (its own <see cref="NodeDataProvider"/>, so its own connection pool, as a singleton of the
/// container), <see cref="IRepository{TEntity}"/> for every entity as nopCommerce registers it (scoped, open generic),
/// the engine's <see cref="SqlDialect"/> and <see cref="INopDataProvider"/> for the plugin's raw statements, and the
/// plugin's own Repository* stores and health log on all of its tables, as its NopStartup registers them.
/// </summary>
public static class DatabaseRegistrations
{
    /// <param name="observer">Told of every health event too (a test's recorder); the events are written to the database either way.</param>
    public static void Register(IServiceCollection services, EngineDatabase database, IIntegrationHealthLog? observer = null)
    {
        services.AddSingleton(_ => database.NewNode());
        services.Replace(ServiceDescriptor.Singleton<INopDataProvider>(static provider => provider.GetRequiredService<NodeDataProvider>()));
        services.Replace(ServiceDescriptor.Singleton(database.Engine.Dialect));
        services.Replace(ServiceDescriptor.Scoped(typeof(IRepository<>), typeof(LinqToDbRepository<>)));

        services.Replace(ServiceDescriptor.Scoped<IPaymentAttemptStore, RepositoryPaymentAttemptStore>());
        services.Replace(ServiceDescriptor.Scoped<ISettlementClaimStore, RepositorySettlementClaimStore>());
        services.Replace(ServiceDescriptor.Scoped<IRefundStore, RepositoryRefundStore>());
        services.Replace(ServiceDescriptor.Scoped<IWorkClaimStore, RepositoryWorkClaimStore>());
        services.Replace(ServiceDescriptor.Scoped<IReconciliationSource, RepositoryReconciliationSource>());
        services.Replace(ServiceDescriptor.Scoped<IIntegrationHealthLog>(provider =>
            new ObservedHealthLog(ActivatorUtilities.CreateInstance<IntegrationHealthLog>(provider), observer)));
    }

    /// <summary>The plugin's health log on the database, with a test's recorder told of every event as well.</summary>
    private sealed class ObservedHealthLog(IntegrationHealthLog log, IIntegrationHealthLog? observer) : IIntegrationHealthLog
    {
        public async Task RecordAsync(int storeId, IntegrationEventKind kind, string? detail, CancellationToken cancellationToken = default)
        {
            if (observer is not null)
                await observer.RecordAsync(storeId, kind, detail, cancellationToken);
            await log.RecordAsync(storeId, kind, detail, cancellationToken);
        }

        public async Task CountNotificationAsync(int storeId, IntegrationEventKind kind, string reason, string? detail,
            CancellationToken cancellationToken = default)
        {
            if (observer is not null)
                await observer.CountNotificationAsync(storeId, kind, reason, detail, cancellationToken);
            await log.CountNotificationAsync(storeId, kind, reason, detail, cancellationToken);
        }

        public Task<IntegrationHealthReport> GetReportAsync(int storeId, CancellationToken cancellationToken = default) =>
            log.GetReportAsync(storeId, cancellationToken);
    }
}
