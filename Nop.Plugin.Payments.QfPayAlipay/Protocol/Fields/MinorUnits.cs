using System.Collections.Frozen;
using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>
/// Converts shop amounts to QFPay's <c>txamt</c> (an integer in the currency's minor unit, docs/qfpay-protocol.md §4.3, §9.3)
/// and back.
/// </summary>
/// <remarks>
/// Rounding rule: the amount is rounded to the nearest minor unit with
/// <see cref="MidpointRounding.AwayFromZero"/> (HK$1.005 becomes 101, ¥100.5 becomes 101). That is how a
/// shopper rounds a price by hand and how nopCommerce displays prices, so the charged amount never
/// differs from the shown one by banker's rounding. Negative amounts and amounts above
/// <see cref="MaxTxamt"/> are rejected, never clamped.
/// </remarks>
public static class MinorUnits
{
    /// <summary>
    /// <c>txamt</c> is Int(11) (docs/qfpay-protocol.md §4.2, §8.1), read as "at most 11 digits". Real limits are far lower
    /// (Alipay caps a WAP payment at 1,000,000.00, §9.4); this bound only stops absurd values early.
    /// </summary>
    public const long MaxTxamt = 99_999_999_999;

    private const int MaxTxamtDigits = 11;

    // QFPay's txcurrcd list (docs/qfpay-protocol.md §9.1), and nothing else: a currency QFPay does not list is refused
    // before any request and never accepted from a notification. QFPay documents no exponent except
    // "100 = 1.00" (§9.3, open question 9 in §13), so ISO 4217 decides: 2 for most, 0 for JPY. IDR and
    // MMK keep ISO's 2 although they are seldom written with decimals.
    private static readonly FrozenDictionary<string, int> Exponents = new Dictionary<string, int>
    {
        ["AED"] = 2,
        ["AUD"] = 2,
        ["CAD"] = 2,
        ["CNY"] = 2,
        ["EUR"] = 2,
        ["HKD"] = 2,
        ["IDR"] = 2,
        ["JPY"] = 0,
        ["MMK"] = 2,
        ["MYR"] = 2,
        ["SGD"] = 2,
        ["THB"] = 2,
        ["USD"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Upper-case ISO 4217 codes this plugin can convert.</summary>
    public static IReadOnlyCollection<string> SupportedCurrencies => Exponents.Keys;

    /// <summary>Upper-case, trimmed currency code, or null when blank.</summary>
    public static string? NormalizeCurrency(string? currency) =>
        string.IsNullOrWhiteSpace(currency) ? null : currency.Trim().ToUpperInvariant();

    public static FieldResult<int> ExponentOf(string? currency)
    {
        var code = NormalizeCurrency(currency);
        if (code is null)
            return FieldResult<int>.Invalid("No currency given; QFPay needs a currency (txcurrcd) such as HKD.");

        return Exponents.TryGetValue(code, out var exponent)
            ? FieldResult<int>.Valid(exponent)
            : FieldResult<int>.Invalid(
                $"Currency '{code}' is not one QFPay charges in (txcurrcd: {string.Join(", ", Exponents.Keys.Order(StringComparer.Ordinal))}). " +
                "Check the store's primary currency or the currency the order is paid in.");
    }

    /// <summary>The <c>txamt</c> for <paramref name="amount"/> in <paramref name="currency"/>.</summary>
    public static FieldResult<long> FromDecimal(decimal amount, string? currency)
    {
        var exponent = ExponentOf(currency);
        if (!exponent.IsValid)
            return FieldResult<long>.Invalid(exponent.Error);

        if (amount < 0)
            return FieldResult<long>.Invalid($"Amount {amount.ToString(CultureInfo.InvariantCulture)} is negative; QFPay amounts are never negative.");

        decimal minor;
        try
        {
            minor = Math.Round(amount * Pow10(exponent.Value), 0, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            return TooLarge(amount);
        }

        return minor > MaxTxamt ? TooLarge(amount) : FieldResult<long>.Valid((long)minor);
    }

    /// <summary>The decimal amount a <c>txamt</c> stands for.</summary>
    public static FieldResult<decimal> ToDecimal(long minorUnits, string? currency)
    {
        var exponent = ExponentOf(currency);
        if (!exponent.IsValid)
            return FieldResult<decimal>.Invalid(exponent.Error);

        if (minorUnits < 0)
            return FieldResult<decimal>.Invalid($"Amount {minorUnits} minor units is negative; QFPay amounts are never negative.");

        return FieldResult<decimal>.Valid(minorUnits / Pow10(exponent.Value));
    }

    /// <summary>Digits only, as QFPay expects them on the wire (docs/qfpay-protocol.md §4.3: never decimals).</summary>
    public static string Format(long minorUnits) => minorUnits.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The one way the plugin writes an amount for people (shoppers, admins, notes, logs): the currency code first,
    /// because the charge currency may differ from the shop's display currency, then the amount with the currency's
    /// own decimals and grouping ("HKD 1,280.00", "JPY 1,280"). A currency QFPay does not know keeps its raw
    /// minor units ("XYZ 12800 (minor units)"), so nothing is ever shown at a guessed scale.
    /// </summary>
    public static string Display(long minorUnits, string? currency)
    {
        var code = currency ?? string.Empty;
        var major = ToDecimal(minorUnits, code);
        var exponent = ExponentOf(code);
        return major.IsValid && exponent.IsValid
            ? $"{code} {major.Value.ToString("N" + exponent.Value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}"
            : string.Create(CultureInfo.InvariantCulture, $"{code} {minorUnits} (minor units)");
    }

    /// <summary>
    /// Reads a <c>txamt</c> as QFPay sends it: ASCII digits only, at most 11 of them. Signs, decimals,
    /// exponents and whitespace are refused, because an amount that is not exactly an integer must never be
    /// compared with an order total.
    /// </summary>
    public static bool TryParse(string? txamt, out long minorUnits)
    {
        minorUnits = 0;
        if (string.IsNullOrEmpty(txamt) || txamt.Length > MaxTxamtDigits)
            return false;

        foreach (var c in txamt)
        {
            if (c is < '0' or > '9')
                return false;
        }

        minorUnits = long.Parse(txamt, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var factor = 1m;
        for (var i = 0; i < exponent; i++)
            factor *= 10m;
        return factor;
    }

    private static FieldResult<long> TooLarge(decimal amount) =>
        FieldResult<long>.Invalid(
            $"Amount {amount.ToString(CultureInfo.InvariantCulture)} is too large: QFPay takes at most {MaxTxamt} minor units (11 digits).");
}
