using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// How long an attempt's link lives and whether it may be handed out again instead of starting a new payment. QFPay
/// closes a payment at its expired_time: what the store set when the attempt was sent, else QFPay's default of 30
/// minutes. That moment is kept on the attempt (<see cref="QfPayPaymentAttempt.ExpiresOnUtc"/>), so changing the
/// setting later changes nothing for links already out.
/// </summary>
public static class PayUrlFreshness
{
    public static TimeSpan QfPayDefaultLifetime { get; } = TimeSpan.FromMinutes(30);

    /// <summary>A link is handed out only while it has this long left, so it does not die while the shopper logs in to Alipay.</summary>
    public static TimeSpan ReuseMargin { get; } = TimeSpan.FromMinutes(3);

    /// <summary>The lifetime of a link sent with <paramref name="expiryMinutes"/> (the store's PaymentExpiryMinutes at that time).</summary>
    public static TimeSpan Lifetime(int? expiryMinutes) =>
        expiryMinutes is int minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : QfPayDefaultLifetime;

    /// <summary>When QFPay closes <paramref name="attempt"/>'s payment; attempts of version 1.0 count from creation with QFPay's default.</summary>
    public static DateTime ExpiresOnUtc(QfPayPaymentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return DateTime.SpecifyKind(attempt.ExpiresOnUtc ?? attempt.CreatedOnUtc + QfPayDefaultLifetime, DateTimeKind.Utc);
    }

    /// <summary>True while the attempt's link is open and has <see cref="ReuseMargin"/> left.</summary>
    public static bool CanReuse(QfPayPaymentAttempt? attempt, DateTime nowUtc) =>
        attempt is { Status: PaymentAttemptStatus.AwaitingPayment, PayUrl.Length: > 0 } && ExpiresOnUtc(attempt) - ReuseMargin > nowUtc;
}
