using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Configuration;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Services.Configuration;
using Nop.Services.Orders;
using NopLogger = Nop.Services.Logging.ILogger;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// Everything the notification route reaches outside the plugin, in memory and indexed: orders, the plugin's tables,
/// settings, the log. Registered over the test shop's Moq stand-ins, which record every call and would make the
/// benchmark measure the mocking framework; the plugin's own services (controller, handler, verifier, parser,
/// settlement, health log) are the real ones.
/// </summary>
public sealed class BenchmarkStore
{
    public IndexedAttemptStore Attempts { get; } = new();

    public IndexedClaimStore Claims { get; } = new();

    public InMemoryOrders Orders { get; } = new();

    public CountedEventTable HealthEvents { get; } = new();

    public CountingLogger Log { get; } = new();

    /// <summary>
    /// Forgets every row, between rounds when no request is running: each round brings its own orders, and a web node
    /// does not keep the store's orders in its memory.
    /// </summary>
    public void Reset()
    {
        Attempts.Reset();
        Claims.Reset();
        Orders.Reset();
    }

    public void Register(IServiceCollection services, ISettings settings, Func<string> storeUrl)
    {
        var context = new FixedNopContext(storeUrl);
        services.Replace(ServiceDescriptor.Singleton<Nop.Services.Stores.IStoreService>(context));
        services.Replace(ServiceDescriptor.Singleton<Nop.Services.Customers.ICustomerService>(context));
        services.Replace(ServiceDescriptor.Singleton<Nop.Core.IWorkContext>(context));
        services.Replace(ServiceDescriptor.Singleton<IPaymentAttemptStore>(Attempts));
        services.Replace(ServiceDescriptor.Singleton<ISettlementClaimStore>(Claims));
        services.Replace(ServiceDescriptor.Singleton<IOrderService>(Orders));
        services.Replace(ServiceDescriptor.Singleton<IOrderProcessingService>(Orders));
        services.Replace(ServiceDescriptor.Singleton<ISettingService>(new FixedSettings(settings)));
        services.Replace(ServiceDescriptor.Singleton<NopLogger>(Log));
        services.Replace(ServiceDescriptor.Singleton<IRepository<QfPayIntegrationEvent>>(HealthEvents));
        services.Replace(ServiceDescriptor.Scoped<Nop.Plugin.Payments.QfPayAlipay.Services.Health.IIntegrationHealthLog,
            Nop.Plugin.Payments.QfPayAlipay.Services.Health.IntegrationHealthLog>());
    }
}
