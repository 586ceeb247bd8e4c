using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Reconciliation;

/// <summary>The task's per-store timing rules.</summary>
public class ReconciliationPolicyTests
{
    [TestCase(10, 540)]
    [TestCase(1, 54)]
    [TestCase(0, 54)]
    [TestCase(60, 3540)]
    public void An_attempt_is_queried_again_a_little_before_the_stores_interval_so_no_run_is_skipped(int minutes, int seconds)
    {
        var settings = new QfPayAlipaySettings { ReconciliationIntervalMinutes = minutes };

        Assert.That(ReconciliationPolicy.RequeryInterval(settings), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase(null, 45)]
    [TestCase(30, 45)]
    [TestCase(5, 20)]
    [TestCase(120, 135)]
    public void An_attempt_counts_as_overdue_after_its_own_expiry_plus_fifteen_minutes(int? expiryMinutes, int overdueMinutes)
    {
        var created = new DateTime(2025, 3, 18, 6, 0, 0, DateTimeKind.Utc);
        var attempt = new Nop.Plugin.Payments.QfPayAlipay.Domain.QfPayPaymentAttempt
        {
            CreatedOnUtc = created,
            ExpiresOnUtc = created + Nop.Plugin.Payments.QfPayAlipay.Services.Checkout.PayUrlFreshness.Lifetime(expiryMinutes),
        };

        Assert.That(ReconciliationPolicy.Default.ExpiredOnUtc(attempt), Is.EqualTo(created.AddMinutes(overdueMinutes)));
    }
}
