using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;
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
        "pay type 800107 (Alipay Service Window H5) needs the Alipay app and the payer's Alipay user id, for which the store's " +
        "Alipay open-platform app (app id, app private key, Alipay public key) must be configured";

    private readonly CheckoutAvailability _availability;
    private readonly ICurrencyService _currencyService;

    public CheckoutVisibility(CheckoutAvailability availability, ICurrencyService currencyService)
    {
        _availability = availability;
        _currencyService = currencyService;
    }

    public virtual async Task<AvailabilityVerdict> EvaluateAsync(QfPayAlipaySettings settings) =>
        await ReasonsAsync(settings) is [var first, ..] ? AvailabilityVerdict.Hidden(first.Detail) : AvailabilityVerdict.Available;

    /// <summary>
    /// Every reason the method is hidden from all shoppers with <paramref name="settings"/>, the one checkout logs
    /// first. A check that depends on an earlier value (the store's currency on a supported code) is made only once
    /// that value is usable, so one mistake is reported once.
    /// </summary>
    public virtual async Task<IReadOnlyList<HiddenReason>> ReasonsAsync(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var reasons = new List<HiddenReason>(_availability.Reasons(settings));
        var credentialsEntered = !reasons.Any(static r => r.Kind is HiddenReasonKind.NoAppCode or HiddenReasonKind.NoClientKey);
        var connectionProblem = credentialsEntered
            ? MerchantAccount.From(settings).Error
            : QfPayEndpoints.BaseUrlFor(settings.Environment, settings.CustomBaseUrl).Error;
        if (connectionProblem is not null)
            reasons.Add(new HiddenReason(HiddenReasonKind.InvalidConnection, connectionProblem.TrimEnd('.'), connectionProblem.TrimEnd('.')));

        var code = MinorUnits.NormalizeCurrency(settings.ChargeCurrency);
        var usableCode = false;
        if (code is not null)
        {
            var exponent = MinorUnits.ExponentOf(code);
            usableCode = exponent.IsValid;
            if (!exponent.IsValid)
                reasons.Add(new HiddenReason(HiddenReasonKind.UnsupportedCurrency, exponent.Error.TrimEnd('.'), code));
        }

        if (!Enum.IsDefined(settings.PayType))
        {
            var payType = ((int)settings.PayType).ToString(CultureInfo.InvariantCulture);
            reasons.Add(new HiddenReason(HiddenReasonKind.UnsupportedPayType,
                $"pay type {payType} is not one this plugin supports (801107, 801512, 800107)", payType));
        }

        // AlipayHK WAP settles in HKD only (docs/qfpay-protocol.md §9.2).
        if (settings.PayType == QfPayPayType.AlipayHongKongWap && usableCode && code != "HKD")
        {
            reasons.Add(new HiddenReason(HiddenReasonKind.AlipayHongKongNeedsHkd,
                $"pay type 801512 (AlipayHK) charges HKD only, but the charge currency is {code}", code));
        }

        // 800107 gets the payer's user id from the store's own Alipay app (docs/qfpay-protocol.md §10.2): without one, or with one whose
        // keys do not validate, the shopper would be stuck after placing the order.
        if (settings.PayType == QfPayPayType.AlipayServiceWindowH5)
        {
            if (!AlipayAppSettings.IsStarted(settings))
                reasons.Add(new HiddenReason(HiddenReasonKind.ServiceWindowNotSetUp, ServiceWindowReason));
            else if (AlipayAppSettings.TryRead(settings, out var appProblem) is null)
            {
                reasons.Add(new HiddenReason(HiddenReasonKind.ServiceWindowUnusable,
                    $"pay type 800107 (Alipay Service Window H5) needs a usable Alipay app: {appProblem}", appProblem));
            }
        }

        if (usableCode)
        {
            var currency = await _currencyService.GetCurrencyByCodeAsync(code);
            if (currency is null)
            {
                reasons.Add(new HiddenReason(HiddenReasonKind.CurrencyNotInStore,
                    $"the charge currency {code} is not set up in the store (add it under Configuration > Currencies, with its exchange rate)", code));
            }
            else if (!currency.Published)
            {
                reasons.Add(new HiddenReason(HiddenReasonKind.CurrencyNotPublished,
                    $"the charge currency {code} is not published (Configuration > Currencies)", code, currency.Id));
            }
        }

        return reasons;
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

        // tradePay exists only in the mainland Alipay app's JS bridge (docs/qfpay-protocol.md §10.2 step 5); AlipayHK and every other
        // browser would dead-end after the order is placed. Unknown browsers are not given the benefit of the doubt here.
        if (settings.PayType == QfPayPayType.AlipayServiceWindowH5 && !(browser.Kind == BrowserKind.AlipayApp && browser.IsInMainlandAlipayApp))
            return AvailabilityVerdict.Hidden($"pay type 800107 (Alipay Service Window H5) is offered only inside the mainland Alipay app, and the shopper's browser is {browser.Kind}{(browser.Kind == BrowserKind.AlipayApp ? $" ({browser.Wallet})" : string.Empty)}");

        if (settings.HideOnDesktop && browser.EffectiveKind == BrowserKind.Desktop)
            return AvailabilityVerdict.Hidden("the shopper is on a desktop browser and the store hides the method on desktops (HideOnDesktop)");

        return AvailabilityVerdict.Available;
    }
}

/// <summary>
/// Decides whether the payment method can take a payment with the current settings. Checked before the
/// method is listed at checkout, so a half-configured store never sends a shopper to a dead end.
/// </summary>
/// <remarks>
/// Only the plain "nothing entered yet" cases live here, with reasons an admin recognises; whether the entered
/// values make a usable QFPay account (base URL, key format) is <see cref="MerchantAccount.From"/>'s job, which
/// every caller asks next.
/// </remarks>
public class CheckoutAvailability
{
    public virtual AvailabilityVerdict Evaluate(QfPayAlipaySettings settings) =>
        Reasons(settings) is [var first, ..] ? AvailabilityVerdict.Hidden(first.Detail) : AvailabilityVerdict.Available;

    /// <summary>Every setting that is still missing, in the order an admin fills them in.</summary>
    public virtual IReadOnlyList<HiddenReason> Reasons(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reasons = new List<HiddenReason>();
        if (string.IsNullOrWhiteSpace(settings.AppCode))
            reasons.Add(new HiddenReason(HiddenReasonKind.NoAppCode, "no QFPay app code is configured"));

        if (string.IsNullOrWhiteSpace(settings.ClientKey))
            reasons.Add(new HiddenReason(HiddenReasonKind.NoClientKey, "no QFPay client key is configured"));

        if (string.IsNullOrWhiteSpace(settings.ChargeCurrency))
            reasons.Add(new HiddenReason(HiddenReasonKind.NoChargeCurrency, "no charge currency is configured"));

        return reasons;
    }
}

/// <summary>Whether shoppers may be offered the method, and if not, a reason an admin can act on.</summary>
public sealed record AvailabilityVerdict(bool IsAvailable, string? Reason)
{
    public static AvailabilityVerdict Available { get; } = new(true, null);

    public static AvailabilityVerdict Hidden(string reason) => new(false, reason);
}

/// <summary>Why shoppers are not offered the method; the configure page says each one with where it is fixed.</summary>
public enum HiddenReasonKind
{
    NoAppCode,
    NoClientKey,
    NoChargeCurrency,
    InvalidConnection,
    UnsupportedCurrency,
    UnsupportedPayType,
    AlipayHongKongNeedsHkd,
    ServiceWindowNotSetUp,
    ServiceWindowUnusable,
    CurrencyNotInStore,
    CurrencyNotPublished,
}

/// <summary>One reason the method is hidden at checkout.</summary>
/// <param name="Detail">The reason in English for the log, lower case and without a full stop.</param>
/// <param name="Argument">What the admin's text names: a currency code, a pay type, or what is wrong with the settings.</param>
/// <param name="CurrencyId">The store's currency the reason is about, when there is one.</param>
public sealed record HiddenReason(HiddenReasonKind Kind, string Detail, string? Argument = null, int CurrencyId = 0);
