using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Decides whether shoppers are offered the method: the configuration rules of <see cref="CheckoutAvailability"/>,
/// then what only the store's data can tell (the charge currency) and what the pay type demands. A shopper never
/// picks a method that is bound to fail after the order is placed.
/// </summary>
/// <remarks>
/// The order amount is checked against <see cref="AmountLimits"/> only when the payment starts: the cart total is
/// not known here without IOrderTotalCalculationService.GetShoppingCartTotalAsync, which the reference surface does
/// not declare yet.
/// </remarks>
public class CheckoutVisibility
{
    public const string ServiceWindowReason =
        "pay type 800107 (Alipay Service Window H5) needs the Alipay app and the payer's Alipay user id, which this checkout does not obtain yet";

    private readonly CheckoutAvailability _availability;
    private readonly ICurrencyService _currencyService;

    public CheckoutVisibility(CheckoutAvailability availability, ICurrencyService currencyService)
    {
        _availability = availability;
        _currencyService = currencyService;
    }

    public virtual async Task<AvailabilityVerdict> EvaluateAsync(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var configured = _availability.Evaluate(settings);
        if (!configured.IsAvailable)
            return configured;

        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return AvailabilityVerdict.Hidden(account.Error.TrimEnd('.'));

        var code = MinorUnits.NormalizeCurrency(settings.ChargeCurrency);
        var exponent = MinorUnits.ExponentOf(code);
        if (!exponent.IsValid)
            return AvailabilityVerdict.Hidden(exponent.Error.TrimEnd('.'));

        if (!Enum.IsDefined(settings.PayType))
            return AvailabilityVerdict.Hidden($"pay type {(int)settings.PayType} is not one this plugin supports (801107, 801512, 800107)");

        // AlipayHK WAP settles in HKD only (API.md §9.2).
        if (settings.PayType == QfPayPayType.AlipayHongKongWap && code != "HKD")
            return AvailabilityVerdict.Hidden($"pay type 801512 (AlipayHK) charges HKD only, but the charge currency is {code}");

        if (settings.PayType == QfPayPayType.AlipayServiceWindowH5)
            return AvailabilityVerdict.Hidden(ServiceWindowReason);

        var currency = await _currencyService.GetCurrencyByCodeAsync(code);
        if (currency is null)
            return AvailabilityVerdict.Hidden($"the charge currency {code} is not set up in the store (add it under Configuration > Currencies, with its exchange rate)");

        if (!currency.Published)
            return AvailabilityVerdict.Hidden($"the charge currency {code} is not published (Configuration > Currencies)");

        return AvailabilityVerdict.Available;
    }

    /// <summary>
    /// The per-shopper part, after <see cref="EvaluateAsync"/> found the method usable in the store: a store may hide it
    /// on desktops (HideOnDesktop), where the shopper would have to pay with a phone by QR code. Browsers the
    /// classifier cannot place count as mobile, so the method is never hidden from a phone by mistake.
    /// </summary>
    public virtual AvailabilityVerdict ForBrowser(QfPayAlipaySettings settings, BrowserClassification browser)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(browser);

        if (settings.HideOnDesktop && browser.EffectiveKind == BrowserKind.Desktop)
            return AvailabilityVerdict.Hidden("the shopper is on a desktop browser and the store hides the method on desktops (HideOnDesktop)");

        return AvailabilityVerdict.Available;
    }
}
