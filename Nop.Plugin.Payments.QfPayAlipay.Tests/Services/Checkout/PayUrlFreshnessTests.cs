using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

public class PayUrlFreshnessTests
{
    private static readonly DateTime Created = new(2025, 3, 18, 6, 0, 0, DateTimeKind.Utc);

    private static QfPayPaymentAttempt Attempt(PaymentAttemptStatus status = PaymentAttemptStatus.AwaitingPayment, string? payUrl = "https://pay.example/x",
        int? expiryMinutes = null) => new()
    {
        OutTradeNo = "10025-1-abc",
        Status = status,
        PayUrl = payUrl,
        PayType = (int)QfPayPayType.AlipayHongKongWap,
        CreatedOnUtc = Created,
        ExpiresOnUtc = Created + PayUrlFreshness.Lifetime(expiryMinutes),
    };

    [TestCase(null, 26, true)]
    [TestCase(null, 27, false)]
    [TestCase(60, 56, true)]
    [TestCase(60, 57, false)]
    public void A_link_is_reused_until_its_expiry_less_the_margin(int? expiryMinutes, int ageMinutes, bool reusable)
    {
        Assert.That(PayUrlFreshness.CanReuse(Attempt(expiryMinutes: expiryMinutes), Created.AddMinutes(ageMinutes)), Is.EqualTo(reusable));
    }

    [TestCase(PaymentAttemptStatus.Created)]
    [TestCase(PaymentAttemptStatus.Unknown)]
    [TestCase(PaymentAttemptStatus.Expired)]
    [TestCase(PaymentAttemptStatus.Failed)]
    [TestCase(PaymentAttemptStatus.Paid)]
    public void Only_an_attempt_awaiting_payment_is_reused(PaymentAttemptStatus status)
    {
        Assert.That(PayUrlFreshness.CanReuse(Attempt(status), Created.AddMinutes(1)), Is.False);
    }

    [Test]
    public void An_attempt_without_a_pay_url_is_not_reused()
    {
        Assert.That(PayUrlFreshness.CanReuse(Attempt(payUrl: null), Created), Is.False);
        Assert.That(PayUrlFreshness.CanReuse(null, Created), Is.False);
    }

    [Test]
    public void An_attempt_of_version_one_without_its_own_expiry_lives_qfpays_default_thirty_minutes()
    {
        var legacy = Attempt();
        legacy.ExpiresOnUtc = null;

        Assert.That(PayUrlFreshness.ExpiresOnUtc(legacy), Is.EqualTo(Created.AddMinutes(30)));
    }
}
