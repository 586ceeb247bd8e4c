using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>Minor units as an admin reads them: "128.00 HKD" (txamt 12800), "1500 JPY".</summary>
internal static class AmountText
{
    public static string Of(long minor, string currency)
    {
        var exponent = MinorUnits.ExponentOf(currency);
        var major = MinorUnits.ToDecimal(minor, currency);
        return exponent.IsValid && major.IsValid
            ? $"{major.Value.ToString("F" + exponent.Value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {currency}"
            : string.Create(CultureInfo.InvariantCulture, $"{minor} minor units of {currency}");
    }
}
