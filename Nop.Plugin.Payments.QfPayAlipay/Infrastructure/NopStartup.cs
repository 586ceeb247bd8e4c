using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Services;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Payments.QfPayAlipay.Infrastructure;

/// <summary>Registers the plugin's services with nopCommerce's container (only while the plugin is installed).</summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LogThrottle>();
        services.AddScoped<CheckoutAvailability>();

        // One typed client for every store: the account travels with each call. Every request waits for the shared
        // per-merchant rate limiter (API.md §1.5, issue #6). WithProxy returns void, so it comes last.
        services.AddRefundsAndReconciliation();
        services.AddHttpClient<QfPayClient>().AddHttpMessageHandler<RateLimitingHandler>().WithProxy();

        // Checkout, notification, return page and the one settlement routine (issue #5). The stores sit on
        // nopCommerce's IRepository<T>, which core registers for every entity (PLUGIN-API.md Appendix C).
        services.TryAddSingleton(static _ => SqlDialect.ForStore());
        services.AddScoped<ConditionalUpdate>();
        services.AddScoped<IPaymentAttemptStore, RepositoryPaymentAttemptStore>();
        services.AddScoped<ISettlementClaimStore, RepositorySettlementClaimStore>();
        services.TryAddSingleton(SettlementTimings.Default);
        services.TryAddSingleton(static _ => ClaimHolder.Current);
        services.TryAddSingleton(QfPayTimeouts.Default);
        services.AddScoped<OrderNotes>();
        services.AddScoped<SettlementService>();
        services.AddScoped<PaymentStatusCheck>();
        services.AddScoped<ChargeCalculator>();
        services.AddScoped<CheckoutVisibility>();
        services.AddScoped<PaymentStarter>();
        services.AddScoped<ReturnPageDecider>();

        // Shopper pages: in-app guidance, resume link, desktop QR and its status endpoint (issue #7). The throttle is
        // a singleton so every request on this node sees the same claims.
        services.AddScoped<PayableOrders>();
        services.AddScoped<PaymentResumer>();
        services.AddScoped<PaymentStatusReporter>();
        services.AddScoped<OrderOwnership>();
        services.AddSingleton<StatusQueryThrottle>();

        // 800107 (Alipay Service Window H5): silent authorisation, token exchange, tradePay page. The Alipay client is
        // stateless (the store's app travels with each call); WithProxy returns void, so it comes last.
        services.AddScoped<ServiceWindowAuthorizer>();
        services.AddScoped<ServiceWindowCallback>();
        services.AddHttpClient<AlipayOAuthClient>().WithProxy();
        services.AddScoped<NotificationKeys>();
        // Resolved only for refund notifications: building it builds a QFPay HTTP client, which payments never need.
        services.AddScoped(static provider => new Lazy<RefundNotificationHandler>(provider.GetRequiredService<RefundNotificationHandler>));
        // Resolved only for a verified notification that cannot be read fully: it too builds a QFPay HTTP client.
        services.AddScoped(static provider => new Lazy<PaymentStatusCheck>(provider.GetRequiredService<PaymentStatusCheck>));
        services.AddSingleton<NotificationCoalescer>();
        services.AddScoped<NotificationHandler>();

        // Lifecycle, configure page and health log (issue #4).
        services.AddScoped<PluginInstaller>();
        services.AddSingleton<HealthLogPruneSchedule>();
        services.AddSingleton<NotificationHealthTally>();
        services.AddScoped<IIntegrationHealthLog, IntegrationHealthLog>();
        services.AddScoped<ReconciliationOutlook>();
        services.AddScoped<StoreScopedKey>();
        services.AddScoped<CheckoutReasonsModelFactory>();
        services.AddScoped<ConfigurationModelFactory>();
        services.AddScoped<ConfigurationSaver>();
        services.AddScoped<ConnectionSettingsResolver>();
        services.AddScoped<ConnectionTester>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>Plain additions to the container run early; the plugin overrides no core service.</summary>
    public int Order => 1;
}
