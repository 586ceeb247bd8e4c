using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Fields;

public class MinorUnitsTests
{
    [TestCase("128.00", "HKD", 12800)]
    [TestCase("0.01", "HKD", 1)]
    [TestCase("2.01", "CNY", 201)]
    [TestCase("1.005", "HKD", 101)]
    [TestCase("1.004", "HKD", 100)]
    [TestCase("1.015", "CNY", 102)]
    [TestCase("2.5", "JPY", 3)]
    [TestCase("3.5", "JPY", 4)]
    [TestCase("100.4", "JPY", 100)]
    [TestCase("1000", "JPY", 1000)]
    [TestCase("0", "HKD", 0)]
    public void Amounts_round_half_away_from_zero_to_the_currencys_minor_unit(string amount, string currency, long expected)
    {
        var result = MinorUnits.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.That(result.Value, Is.EqualTo(expected), result.Error);
    }

    [TestCase("HKD", 2)]
    [TestCase("CNY", 2)]
    [TestCase("USD", 2)]
    [TestCase("EUR", 2)]
    [TestCase("AUD", 2)]
    [TestCase("CAD", 2)]
    [TestCase("SGD", 2)]
    [TestCase("MYR", 2)]
    [TestCase("THB", 2)]
    [TestCase("AED", 2)]
    [TestCase("IDR", 2)]
    [TestCase("MMK", 2)]
    [TestCase("JPY", 0)]
    [TestCase(" hkd ", 2)]
    public void Exponents_follow_iso_4217(string currency, int expected)
    {
        Assert.That(MinorUnits.ExponentOf(currency).Value, Is.EqualTo(expected));
    }

    [TestCase("XYZ")]
    [TestCase("GBP")]
    [TestCase("KRW")] // a real currency, but not one QFPay lists for txcurrcd
    [TestCase("TWD")]
    [TestCase("")]
    [TestCase(null)]
    public void An_unknown_currency_is_a_clear_error(string? currency)
    {
        var result = MinorUnits.FromDecimal(10m, currency);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Error, Does.Contain("txcurrcd"));
        });
    }

    [Test]
    public void A_negative_amount_is_refused()
    {
        Assert.That(MinorUnits.FromDecimal(-0.01m, "HKD").IsValid, Is.False);
    }

    [Test]
    public void An_amount_beyond_eleven_digits_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MinorUnits.FromDecimal(999_999_999.99m, "HKD").Value, Is.EqualTo(99_999_999_999));
            Assert.That(MinorUnits.FromDecimal(1_000_000_000m, "HKD").IsValid, Is.False);
            Assert.That(MinorUnits.FromDecimal(decimal.MaxValue, "HKD").IsValid, Is.False);
        });
    }

    [TestCase(12800L, "HKD", "128")]
    [TestCase(1L, "HKD", "0.01")]
    [TestCase(1000L, "JPY", "1000")]
    public void Minor_units_convert_back_to_the_decimal_amount(long minor, string currency, string expected)
    {
        Assert.That(MinorUnits.ToDecimal(minor, currency).Value, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("12800", true, 12800L)]
    [TestCase("0", true, 0L)]
    [TestCase("00012", true, 12L)]
    [TestCase("99999999999", true, 99_999_999_999L)]
    [TestCase("100000000000", false, 0L)]
    [TestCase("12.00", false, 0L)]
    [TestCase("-5", false, 0L)]
    [TestCase("", false, 0L)]
    [TestCase(null, false, 0L)]
    [TestCase("١٢", false, 0L)]
    public void Txamt_parsing_accepts_plain_digits_only(string? text, bool ok, long expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(MinorUnits.TryParse(text, out var value), Is.EqualTo(ok));
            Assert.That(value, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Txamt_is_written_without_separators_in_any_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.That(MinorUnits.Format(1234567), Is.EqualTo("1234567"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
