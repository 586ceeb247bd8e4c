using System.Globalization;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Factories;

/// <summary>
/// The top of the configure page: every reason shoppers do not see the method at checkout right now, and what keeps
/// it from some shoppers or orders, each with a link to where it is fixed. The same rules as checkout
/// (<see cref="CheckoutVisibility"/>), on the settings saved for the store scope, plus nopCommerce's own switch (the
/// method must be active). Also the link for a failed "Test connection".
/// </summary>
public class CheckoutReasonsModelFactory
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Configure.Checkout.";

    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private readonly CheckoutVisibility _visibility;

    public CheckoutReasonsModelFactory(ILocalizationService localizationService, ISettingService settingService, CheckoutVisibility visibility)
    {
        _localizationService = localizationService;
        _settingService = settingService;
        _visibility = visibility;
    }

    /// <summary>Fills <see cref="ConfigurationModel.HiddenAtCheckoutBecause"/> and <see cref="ConfigurationModel.LimitedAtCheckoutBecause"/>.</summary>
    /// <param name="settings">The settings in effect for <paramref name="storeScope"/>, as saved.</param>
    public virtual async Task PrepareAsync(ConfigurationModel model, QfPayAlipaySettings settings, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);

        var hidden = new List<CheckoutReasonModel>();
        // nopCommerce lists only active methods (PaymentSettings, shared by all stores unless a store overrides it).
        var payments = await _settingService.LoadSettingAsync<PaymentSettings>(storeScope);
        if (payments?.ActivePaymentMethodSystemNames?.Contains(QfPayAlipayDefaults.SystemName, StringComparer.OrdinalIgnoreCase) == false)
            hidden.Add(await OnPageAsync(Prefix + "NotActive", Prefix + "Fix.PaymentMethods", "Payment", "Methods"));

        foreach (var reason in await _visibility.ReasonsAsync(settings))
            hidden.Add(await ForAsync(reason));

        model.HiddenAtCheckoutBecause = hidden;
        model.LimitedAtCheckoutBecause = await LimitsAsync(settings);
    }

    /// <summary>The field to correct after a failed "Test connection", or null when nothing on this page can fix it.</summary>
    public virtual string? FieldToFix(ConnectionTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            ConnectionTestOutcome.WrongKey => nameof(ConfigurationModel.ClientKey),
            ConnectionTestOutcome.UnknownAppCode => nameof(ConfigurationModel.AppCode),
            ConnectionTestOutcome.Unreachable => nameof(ConfigurationModel.EnvironmentId),
            ConnectionTestOutcome.NotConfigured when result.MessageKey.EndsWith(".MissingClientKey", StringComparison.Ordinal) => nameof(ConfigurationModel.ClientKey),
            ConnectionTestOutcome.NotConfigured when result.MessageKey.EndsWith(".InvalidBaseUrl", StringComparison.Ordinal) => nameof(ConfigurationModel.CustomBaseUrl),
            ConnectionTestOutcome.NotConfigured => nameof(ConfigurationModel.AppCode),
            _ => null,
        };
    }

    private async Task<CheckoutReasonModel> ForAsync(HiddenReason reason) => reason.Kind switch
    {
        HiddenReasonKind.NoAppCode => await HereAsync(Prefix + "NoAppCode", nameof(ConfigurationModel.AppCode)),
        HiddenReasonKind.NoClientKey => await HereAsync(Prefix + "NoClientKey", nameof(ConfigurationModel.ClientKey)),
        HiddenReasonKind.NoChargeCurrency => await HereAsync(Prefix + "NoChargeCurrency", nameof(ConfigurationModel.ChargeCurrency)),
        HiddenReasonKind.InvalidConnection => await HereAsync(Prefix + "InvalidConnection", nameof(ConfigurationModel.EnvironmentId), reason.Argument),
        HiddenReasonKind.UnsupportedCurrency => await HereAsync(Prefix + "UnsupportedCurrency", nameof(ConfigurationModel.ChargeCurrency), reason.Argument),
        HiddenReasonKind.UnsupportedPayType => await HereAsync(Prefix + "UnsupportedPayType", nameof(ConfigurationModel.PayTypeId), reason.Argument),
        HiddenReasonKind.AlipayHongKongNeedsHkd => await HereAsync(Prefix + "AlipayHongKongNeedsHkd", nameof(ConfigurationModel.ChargeCurrency), reason.Argument),
        HiddenReasonKind.ServiceWindowNotSetUp => await HereAsync(Prefix + "ServiceWindowNotSetUp", nameof(ConfigurationModel.AlipayAppId)),
        HiddenReasonKind.ServiceWindowUnusable => await HereAsync(Prefix + "ServiceWindowUnusable", nameof(ConfigurationModel.AlipayAppId), reason.Argument),
        HiddenReasonKind.CurrencyNotInStore => await OnPageAsync(Prefix + "CurrencyNotInStore", Prefix + "Fix.AddCurrency", "Currency", "List", null, reason.Argument),
        HiddenReasonKind.CurrencyNotPublished => await OnPageAsync(Prefix + "CurrencyNotPublished", Prefix + "Fix.PublishCurrency", "Currency", "Edit", reason.CurrencyId, reason.Argument),
        _ => new CheckoutReasonModel { Text = reason.Detail },
    };

    // Not hidden from everyone: hidden from some browsers by the store's choice or the pay type, or unpayable above
    // Alipay's amount limit (the order is placed and the shopper sees the problem page, as the cart total is not known
    // when checkout lists the methods).
    private async Task<IList<CheckoutReasonModel>> LimitsAsync(QfPayAlipaySettings settings)
    {
        var limits = new List<CheckoutReasonModel>();
        if (settings.PayType == QfPayPayType.AlipayServiceWindowH5)
            limits.Add(await HereAsync(Prefix + "OnlyInAlipayApp", nameof(ConfigurationModel.PayTypeId)));

        if (settings.HideOnDesktop)
            limits.Add(await HereAsync(Prefix + "HiddenOnDesktop", nameof(ConfigurationModel.HideOnDesktop)));

        var code = MinorUnits.NormalizeCurrency(settings.ChargeCurrency);
        if (code is not null && MinorUnits.ExponentOf(code).IsValid)
        {
            limits.Add(new CheckoutReasonModel
            {
                Text = Format(await _localizationService.GetResourceAsync(Prefix + "AmountLimit"),
                    AmountLimits.MaximumMajor.ToString("N0", CultureInfo.InvariantCulture), code),
            });
        }

        return limits;
    }

    private async Task<CheckoutReasonModel> HereAsync(string textKey, string fieldId, string? argument = null) => new()
    {
        Text = Format(await _localizationService.GetResourceAsync(textKey), argument),
        FixText = await _localizationService.GetResourceAsync(Prefix + "Fix.ThisPage"),
        FixFieldId = fieldId,
    };

    private async Task<CheckoutReasonModel> OnPageAsync(string textKey, string fixKey, string controller, string action, int? id = null, string? argument = null) => new()
    {
        Text = Format(await _localizationService.GetResourceAsync(textKey), argument),
        FixText = await _localizationService.GetResourceAsync(fixKey),
        FixController = controller,
        FixAction = action,
        FixId = id,
    };

    // Resources can be edited in the admin; a broken placeholder must not turn the page into an error.
    private static string Format(string text, params string?[] arguments)
    {
        try
        {
            return string.Format(CultureInfo.CurrentCulture, text, arguments);
        }
        catch (FormatException)
        {
            return $"{text} ({string.Join(", ", arguments)})";
        }
    }
}
