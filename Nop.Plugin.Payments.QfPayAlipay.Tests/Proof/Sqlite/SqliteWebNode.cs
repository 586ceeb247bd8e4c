using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof.Sqlite;

/// <summary>
/// One simulated web node: its own container with the plugin's real registrations, whose attempt and claim stores
/// are the plugin's Repository* stores over its own <see cref="SqliteRepository{T}"/> connections to the shared
/// database. No lock is shared between nodes (ILocker runs the action at once): only the database can keep them apart.
/// </summary>
public sealed class SqliteWebNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SqliteWebNode(Shop shop, SqliteDatabase database, InMemoryRefundStore refunds, InMemoryWorkClaimStore workClaims)
    {
        var locker = new Mock<ILocker>();
        locker.Setup(l => l.PerformActionWithLockAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<Task>>()))
            .Returns(async (string _, TimeSpan _, Func<Task> action) =>
            {
                await action();
                return true;
            });

        var services = new ServiceCollection();
        shop.RegisterServices(services);
        services.AddSingleton<IRepository<QfPayPaymentAttempt>>(new SqliteRepository<QfPayPaymentAttempt>(database));
        services.AddSingleton<IRepository<QfPaySettlementClaim>>(new SqliteRepository<QfPaySettlementClaim>(database));
        services.AddSingleton<INopDataProvider>(new SqliteDataProvider(database));
        services.Replace(ServiceDescriptor.Singleton(SqlDialect.DoubleQuotes));
        services.Replace(ServiceDescriptor.Scoped<IPaymentAttemptStore, RepositoryPaymentAttemptStore>());
        services.Replace(ServiceDescriptor.Scoped<ISettlementClaimStore, RepositorySettlementClaimStore>());
        services.Replace(ServiceDescriptor.Scoped<IReconciliationSource, RepositoryReconciliationSource>());
        services.Replace(ServiceDescriptor.Singleton<IRefundStore>(refunds));
        services.Replace(ServiceDescriptor.Singleton<IWorkClaimStore>(workClaims));
        services.AddSingleton(locker.Object);
        services.AddSingleton(EnglishResources.Mock().Object);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>What nopCommerce's scheduler does: resolve the task unregistered, in a request scope, and run it.</summary>
    public Task RunReconciliationAsync() => InScopeAsync(async services =>
    {
        await ActivatorUtilities.CreateInstance<ReconciliationTask>(services).ExecuteAsync();
        return true;
    });

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
