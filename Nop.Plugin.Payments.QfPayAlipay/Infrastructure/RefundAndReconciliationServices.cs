using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Infrastructure;

/// <summary>Registrations of refunds, reconciliation and the QFPay rate limit (issue #6), called from <see cref="NopStartup"/>.</summary>
public static class RefundAndReconciliationServices
{
    public static IServiceCollection AddRefundsAndReconciliation(this IServiceCollection services)
    {
        // One limiter per process, shared by every QfPayClient (typed clients are transient, their handlers pooled):
        // each merchant's 100/s and 400/min are counted across checkout, return pages, admin and the task (API.md §1.5).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(QfPayRateLimits.Default);
        services.TryAddSingleton<MerchantRateLimiter>();
        services.TryAddTransient<RateLimitingHandler>();

        services.TryAddSingleton(RefundTimings.Default);
        services.TryAddSingleton(ReconciliationPolicy.Default);

        services.AddScoped<IRefundStore, RepositoryRefundStore>();
        services.AddScoped<IWorkClaimStore, RepositoryWorkClaimStore>();
        services.AddScoped<IReconciliationSource, RepositoryReconciliationSource>();

        services.AddScoped<LocalizedTexts>();
        services.AddScoped<RefundAmountCalculator>();
        services.AddScoped<RefundStatusQuery>();
        services.AddScoped<ConfirmedRefundRecorder>();
        services.AddScoped<PendingRefundResolver>();
        services.AddScoped<ExternalRefundNotes>();
        services.AddScoped<ExternalRefundFlags>();
        services.AddScoped<RefundService>();
        services.AddScoped<RefundNotificationHandler>();

        services.AddScoped<QueryClaims>();
        services.AddScoped<UnpaidConfirmation>();
        services.AddScoped<ExpiredOrderCanceller>();
        services.AddScoped<AttemptExpiry>();
        services.AddScoped<ReconciliationRunner>();
        services.AddScoped<OrderStatusChecker>();
        services.AddScoped<OrderPaymentStatusModelFactory>();

        return services;
    }
}
