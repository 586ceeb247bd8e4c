using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

[TestFixture]
public class AmountLimitsTests
{
    [TestCase(1L, "HKD", true)]
    [TestCase(100L, "HKD", true, Description = "below QFPay's risk-control advice of 200, but allowed")]
    [TestCase(100_000_000L, "HKD", true, Description = "exactly HK$1,000,000.00")]
    [TestCase(100_000_001L, "HKD", false)]
    [TestCase(1_000_000L, "JPY", true, Description = "zero-decimal currency: ¥1,000,000")]
    [TestCase(1_000_001L, "JPY", false)]
    [TestCase(0L, "HKD", false)]
    public void Amounts_are_accepted_between_one_minor_unit_and_Alipays_per_payment_cap(long minor, string currency, bool accepted)
    {
        Assert.That(AmountLimits.Check(minor, currency) is null, Is.EqualTo(accepted));
    }
}
