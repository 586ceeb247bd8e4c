using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Whether an attempt's pay_url may be handed out again (resume route) instead of starting a new attempt. QFPay closes
/// a payment at its expired_time: the store's PaymentExpiryMinutes, else its default of 30 minutes (API.md §4.2). A link
/// is reused only while it has <see cref="ReuseMargin"/> left, so the shopper is not sent to a page that dies while
/// they log in to Alipay.
/// </summary>
public static class PayUrlFreshness
{
    public static TimeSpan QfPayDefaultLifetime { get; } = TimeSpan.FromMinutes(30);

    public static TimeSpan ReuseMargin { get; } = TimeSpan.FromMinutes(3);

    public static TimeSpan Lifetime(QfPayAlipaySettings settings) =>
        settings.PaymentExpiryMinutes is int minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : QfPayDefaultLifetime;

    public static bool CanReuse(QfPayPaymentAttempt? attempt, QfPayAlipaySettings settings, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (attempt is not { Status: PaymentAttemptStatus.AwaitingPayment, PayUrl.Length: > 0 })
            return false;

        // A pay type changed by the admin since makes a link the store no longer offers.
        if (attempt.PayType != (int)settings.PayType)
            return false;

        var created = DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc);
        return created + Lifetime(settings) - ReuseMargin > nowUtc;
    }
}
