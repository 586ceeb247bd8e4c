using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Converts an order total (always in the primary store currency, PLUGIN-API.md §1.5) to the charge currency with
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
