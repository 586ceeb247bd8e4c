using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// A charge as the shopper will see it in the wallet: currency code and amount with the currency's own decimals
/// ("HKD 128.00", "JPY 1280"). The code leads because the charge currency may differ from the shop's display currency.
/// </summary>
public static class ChargeText
{
    public static string Format(long minor, string currency)
    {
        var major = MinorUnits.ToDecimal(minor, currency);
        var exponent = MinorUnits.ExponentOf(currency);
        return major.IsValid && exponent.IsValid
            ? $"{currency} {major.Value.ToString("N" + exponent.Value, CultureInfo.InvariantCulture)}"
            : $"{currency} {minor.ToString(CultureInfo.InvariantCulture)}";
    }
}
