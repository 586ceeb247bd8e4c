using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Refunds;

/// <summary>A refund is its share of what the payment paid, in the payment's own minor units: no fresh conversion.</summary>
public class RefundAmountCalculatorTests
{
    private static readonly RefundAmountCalculator Calculator = new();

    /// <summary>US$100 charged as HK$780.00 (rate 7.80 at checkout).</summary>
    private static QfPayPaymentAttempt UsdOrderChargedInHkd() => new() { AmountMinor = 78000, CurrencyCode = "HKD", ChargedOrderTotal = 100m };

    [Test]
    public void A_partial_refund_is_its_share_of_the_charge_whatever_todays_exchange_rate()
    {
        // Case 3 of "one order, one charge": at today's 7.90, US$50 used to become 39500 (HK$5 too much).
        var half = Calculator.Calculate(UsdOrderChargedInHkd(), 100m, 50m, 0m, 0);

        Assert.That((half.IsValid, half.Minor), Is.EqualTo((true, 39000L)));
    }

    [Test]
    public void A_refund_of_almost_everything_fits_in_the_payment_although_todays_rate_is_higher()
    {
        // Case 3: US$99 used to become 78210 (> 78000) and be refused.
        var most = Calculator.Calculate(UsdOrderChargedInHkd(), 100m, 99m, 0m, 0);

        Assert.That((most.IsValid, most.Minor), Is.EqualTo((true, 77220L)));
    }

    [Test]
    public void The_refund_that_completes_the_payment_sends_exactly_what_is_left()
    {
        var payment = UsdOrderChargedInHkd();

        // 33.33 + 33.33 + 33.34: rounded shares would add up to 77999 or 78001; the last one closes the gap.
        var first = Calculator.Calculate(payment, 100m, 33.33m, 0m, 0);
        var second = Calculator.Calculate(payment, 100m, 33.33m, 33.33m, first.Minor);
        var last = Calculator.Calculate(payment, 100m, 33.34m, 66.66m, first.Minor + second.Minor);

        Assert.That(new[] { first.Minor, second.Minor, last.Minor }, Is.EqualTo(new[] { 25997L, 25997L, 26006L }));
        Assert.That(first.Minor + second.Minor + last.Minor, Is.EqualTo(payment.AmountMinor));
    }

    [Test]
    public void Refunding_the_rest_of_an_edited_order_refunds_that_share_of_the_payment_not_all_of_it()
    {
        // Case 4: paid 128.00 as 12800; the admin then edited the order total to 100.00. "The rest of the order" (100)
        // used to send the whole remaining 12800 while nopCommerce recorded 100.
        var payment = new QfPayPaymentAttempt { AmountMinor = 12800, CurrencyCode = "HKD", ChargedOrderTotal = 128m };

        var rest = Calculator.Calculate(payment, orderTotal: 100m, amountToRefund: 100m, refundedPrimary: 0m, refundedMinor: 0);

        Assert.That((rest.IsValid, rest.Minor), Is.EqualTo((true, 10000L)));
    }

    [Test]
    public void More_than_the_payment_paid_is_refused_before_any_call()
    {
        var payment = new QfPayPaymentAttempt { AmountMinor = 12800, CurrencyCode = "HKD", ChargedOrderTotal = 128m };

        var tooMuch = Calculator.Calculate(payment, 150m, 100m, 30m, 3000);

        Assert.That((tooMuch.IsValid, tooMuch.Problem), Is.EqualTo((false, RefundAmountProblem.ExceedsPayment)));
        Assert.That(tooMuch.Refusal, Does.Contain("130").And.Contain("128"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(0.0001)]
    public void An_amount_that_is_not_a_whole_minor_unit_of_the_payment_is_refused(decimal amount)
    {
        var refused = Calculator.Calculate(UsdOrderChargedInHkd(), 100m, amount, 0m, 0);

        Assert.That((refused.IsValid, refused.Problem), Is.EqualTo((false, RefundAmountProblem.NotExpressible)));
    }

    [Test]
    public void Shares_are_rounded_to_the_nearest_minor_unit_half_away_from_zero()
    {
        var payment = new QfPayPaymentAttempt { AmountMinor = 3, CurrencyCode = "JPY", ChargedOrderTotal = 2m };

        // 3 × 1 / 2 = 1.5 yen → 2.
        Assert.That(Calculator.Calculate(payment, 2m, 1m, 0m, 0).Minor, Is.EqualTo(2));
    }

    [Test]
    public void An_attempt_of_version_one_uses_the_order_total_as_what_was_charged()
    {
        var legacy = new QfPayPaymentAttempt { AmountMinor = 12800, CurrencyCode = "HKD" };

        Assert.That(Calculator.Calculate(legacy, 128m, 64m, 0m, 0).Minor, Is.EqualTo(6400));
    }
}
