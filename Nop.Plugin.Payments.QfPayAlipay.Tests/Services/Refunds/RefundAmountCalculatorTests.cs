using Moq;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Refunds;

/// <summary>Primary-currency refund amounts to txamt in the payment's currency, by the payment's own money rule.</summary>
public class RefundAmountCalculatorTests
{
    private static readonly QfPayPaymentAttempt Payment = new() { AmountMinor = 11800, CurrencyCode = "CNY" };

    private static RefundAmountCalculator Calculator(decimal rate)
    {
        var currencies = new Mock<ICurrencyService>();
        currencies.Setup(c => c.GetCurrencyByCodeAsync("CNY")).ReturnsAsync(new Currency { CurrencyCode = "CNY", Rate = rate });
        currencies.Setup(c => c.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>()))
            .ReturnsAsync((decimal amount, Currency currency) => amount * currency.Rate);
        return new RefundAmountCalculator(currencies.Object);
    }

    [Test]
    public async Task A_partial_refund_is_converted_with_the_stores_rate_and_rounded_half_away_from_zero()
    {
        var order = new Order { OrderTotal = 128m };

        var minor = await Calculator(0.92m).ToMinorAsync(order, Payment, 10.005m, true, 11800, 0m);

        Assert.That(minor.Value, Is.EqualTo(920), "10.005 × 0.92 = 9.2046 → 9.20 CNY");
    }

    [Test]
    public async Task A_full_refund_is_what_is_left_of_the_payment_whatever_todays_rate()
    {
        var order = new Order { OrderTotal = 128m };

        var minor = await Calculator(0.95m).ToMinorAsync(order, Payment, 128m, false, 11800, 0m);

        Assert.That(minor.Value, Is.EqualTo(11800));
    }

    [Test]
    public async Task Refunding_the_rest_of_the_order_is_the_rest_of_the_payment_when_the_refunds_agree()
    {
        var order = new Order { OrderTotal = 128m, RefundedAmount = 28m };

        var minor = await Calculator(0.95m).ToMinorAsync(order, Payment, 100m, true, 9224, 28m);

        Assert.That(minor.Value, Is.EqualTo(9224));
    }

    [Test]
    public async Task Refunding_the_rest_is_converted_when_a_refund_was_recorded_by_hand()
    {
        var order = new Order { OrderTotal = 128m, RefundedAmount = 28m };

        var minor = await Calculator(0.92m).ToMinorAsync(order, Payment, 100m, true, 11800, 0m);

        Assert.That(minor.Value, Is.EqualTo(9200));
    }

    [Test]
    public async Task A_currency_the_store_does_not_have_is_explained()
    {
        var minor = await new RefundAmountCalculator(Mock.Of<ICurrencyService>()).ToMinorAsync(new Order { OrderTotal = 128m }, Payment, 10m, true, 11800, 0m);

        Assert.That(minor.Error, Does.Contain("CNY").And.Contain("Configuration > Currencies"));
    }
}
