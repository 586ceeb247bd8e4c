using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Converts an order total (always in the primary store currency, docs/nopcommerce.md §1.5) to the charge currency with
/// nopCommerce's own rates, then to minor units by the protocol's rounding rule (<see cref="MinorUnits"/>).
/// </summary>
public class ChargeCalculator
{
    private readonly ICurrencyService _currencyService;

    public ChargeCalculator(ICurrencyService currencyService)
    {
        _currencyService = currencyService;
    }

    public virtual async Task<FieldResult<ChargeAmount>> ForOrderAsync(Order order, QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);

        var code = MinorUnits.NormalizeCurrency(settings.ChargeCurrency);
        var exponent = MinorUnits.ExponentOf(code);
        if (!exponent.IsValid)
            return FieldResult<ChargeAmount>.Invalid(exponent.Error);

        var currency = await _currencyService.GetCurrencyByCodeAsync(code);
        if (currency is null)
            return FieldResult<ChargeAmount>.Invalid($"the charge currency {code} is not set up in the store (Configuration > Currencies)");

        var total = await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(order.OrderTotal, currency);
        var minor = MinorUnits.FromDecimal(total, code);
        if (!minor.IsValid)
            return FieldResult<ChargeAmount>.Invalid(minor.Error);

        return AmountLimits.Check(minor.Value, code!) is { } limit
            ? FieldResult<ChargeAmount>.Invalid(limit)
            : FieldResult<ChargeAmount>.Valid(new ChargeAmount(minor.Value, code!));
    }
}

/// <summary>What QFPay is asked to charge: txamt in minor units of txcurrcd.</summary>
public sealed record ChargeAmount(long Minor, string Currency);

/// <summary>
/// The amounts QFPay and Alipay accept for one WAP/H5 payment (docs/qfpay-protocol.md §9.4):
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
