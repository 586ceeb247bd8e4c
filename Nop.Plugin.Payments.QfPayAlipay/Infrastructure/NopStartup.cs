using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Services;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
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
        // Timings and limits are values, so tests and the benchmark can register shorter ones first (TryAdd).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(QfPayTimeouts.Default);
        services.TryAddSingleton(QfPayRateLimits.Default);
        services.TryAddSingleton(SettlementTimings.Default);
        services.TryAddSingleton(RefundTimings.Default);
        services.TryAddSingleton(ReconciliationPolicy.Default);
        services.TryAddSingleton(static _ => ClaimHolder.Current);
        services.TryAddSingleton(static _ => SqlDialect.ForStore());

        // QFPay: one typed client for every store (the account travels with each call). One limiter per process, shared
        // by every client, so each merchant's 100/s and 400/min are counted across checkout, return pages, admin and the
        // task (docs/qfpay-protocol.md §1.5). WithProxy returns void, so it comes last.
        services.TryAddSingleton<MerchantRateLimiter>();
        services.TryAddTransient<RateLimitingHandler>();
        services.AddHttpClient<QfPayClient>().AddHttpMessageHandler<RateLimitingHandler>().WithProxy();

        // The plugin's tables, on nopCommerce's IRepository<T>, which core registers for every entity
        // (docs/nopcommerce.md Appendix C).
        services.AddScoped<ConditionalUpdate>();
        services.AddScoped<IPaymentAttemptStore, RepositoryPaymentAttemptStore>();
        services.AddScoped<ISettlementClaimStore, RepositorySettlementClaimStore>();
        services.AddScoped<IRefundStore, RepositoryRefundStore>();
        services.AddScoped<IWorkClaimStore, RepositoryWorkClaimStore>();
        services.AddScoped<IReconciliationSource, RepositoryReconciliationSource>();
        services.AddScoped<LocalizedTexts>();
        services.AddSingleton<LogThrottle>();

        // Checkout and the shopper's pages: payment start, resume link, return page, desktop QR and its status
        // endpoint. The status throttle is a singleton so every request on this node sees the same claims.
        services.AddScoped<ChargeCalculator>();
        services.AddScoped<CheckoutAvailability>();
        services.AddScoped<CheckoutVisibility>();
        services.AddScoped<PaymentStarter>();
        services.AddScoped<PayableOrders>();
        services.AddScoped<PaymentResumer>();
        services.AddScoped<PaymentStatusReporter>();
        services.AddSingleton<StatusQueryThrottle>();
        services.AddScoped<ReturnPageDecider>();
        services.AddScoped<OrderOwnership>();

        // 800107 (Alipay Service Window H5): silent authorisation, token exchange, tradePay page. The Alipay client is
        // stateless (the store's app travels with each call); WithProxy returns void, so it comes last.
        services.AddScoped<ServiceWindowAuthorizer>();
        services.AddScoped<ServiceWindowCallback>();
        services.AddHttpClient<AlipayOAuthClient>().WithProxy();

        // Notifications and the one settlement routine that marks an order paid.
        services.AddSingleton<NotificationCoalescer>();
        services.AddScoped<NotificationKeys>();
        services.AddScoped<NotificationHandler>();
        services.AddScoped<SettlementService>();
        services.AddScoped<PaymentStatusCheck>();
        services.AddScoped<OrderNotes>();
        // Resolved only for refund notifications: building it builds a QFPay HTTP client, which payments never need.
        services.AddScoped(static provider => new Lazy<RefundNotificationHandler>(provider.GetRequiredService<RefundNotificationHandler>));
        // Resolved only for a verified notification that cannot be read fully: it too builds a QFPay HTTP client.
        services.AddScoped(static provider => new Lazy<PaymentStatusCheck>(provider.GetRequiredService<PaymentStatusCheck>));

        // Refunds.
        services.AddScoped<RefundAmountCalculator>();
        services.AddScoped<RefundStatusQuery>();
        services.AddScoped<ConfirmedRefundRecorder>();
        services.AddScoped<PendingRefundResolver>();
        services.AddScoped<ExternalRefunds>();
        services.AddScoped<RefundService>();
        services.AddScoped<RefundNotificationHandler>();

        // Reconciliation and the admin order page's "check status now".
        services.AddScoped<QueryClaims>();
        services.AddScoped<ExpiredOrderCanceller>();
        services.AddScoped<AttemptExpiry>();
        services.AddScoped<ReconciliationRunner>();
        services.AddScoped<OrderStatusChecker>();

        // Admin: configure page, health log, install and uninstall.
        services.AddScoped<CheckoutReasonsModelFactory>();
        services.AddScoped<ConfigurationModelFactory>();
        services.AddScoped<OrderPaymentStatusModelFactory>();
        services.AddScoped<StoreScopedKey>();
        services.AddScoped<ConfigurationSaver>();
        services.AddScoped<ConnectionSettingsResolver>();
        services.AddScoped<ConnectionTester>();
        services.AddSingleton<HealthLogPruneSchedule>();
        services.AddSingleton<NotificationHealthTally>();
        services.AddScoped<IIntegrationHealthLog, IntegrationHealthLog>();
        services.AddScoped<ReconciliationOutlook>();
        services.AddScoped<PluginInstaller>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>Plain additions to the container run early; the plugin overrides no core service.</summary>
    public int Order => 1;
}
