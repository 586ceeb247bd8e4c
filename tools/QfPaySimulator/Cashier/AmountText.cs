using System.Globalization;

namespace QfPaySimulator.Cashier;

/// <summary>
/// Shows a minor-unit amount to a person. QFPay gives no rule for zero-decimal currencies (docs/qfpay-protocol.md §9.3, Unknown); the
/// page follows ISO 4217 (JPY has none, the others in QFPay's list two).
/// </summary>
internal static class AmountText
{
    public static string Format(long minorUnits, string currency)
    {
        var decimals = currency == "JPY" ? 0 : 2;
        var major = minorUnits / (decimal)Math.Pow(10, decimals);
        return currency + " " + major.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
