using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// The amounts QFPay and Alipay accept for one WAP/H5 payment (API.md §9.4):
/// <list type="bullet">
/// <item>at least 1 minor unit: txamt must be positive (§4.2). QFPay only advises staying above 200 minor units to
/// avoid risk control; that is advice, so smaller amounts are allowed;</item>
/// <item>at most 1,000,000.00 in the charge currency: Alipay's own WAP API caps total_fee per transaction there, and
/// QFPay answers larger amounts with 1297 "bank busy" (§9.4, Observed). txamt's Int(11) bound is far above it.</item>
/// </list>
/// </summary>
public static class AmountLimits
{
    public const long MinimumMinor = 1;

    /// <summary>Alipay's per-transaction cap, in major units of the charge currency.</summary>
    public const decimal MaximumMajor = 1_000_000m;

    /// <summary>Null when <paramref name="minor"/> may be charged in <paramref name="currency"/>, otherwise why not.</summary>
    public static string? Check(long minor, string currency)
    {
        if (minor < MinimumMinor)
            return "the amount to charge is zero";

        var maximum = MinorUnits.FromDecimal(MaximumMajor, currency);
        if (maximum.IsValid && minor > maximum.Value)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the amount to charge ({minor} minor units of {currency}) is above Alipay's limit of {MaximumMajor:N0} {currency} per payment");
        }

        return null;
    }
}
