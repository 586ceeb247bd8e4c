using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Factories;

/// <summary>
/// Builds the configure page for a store scope: the settings in effect there with their override flags
/// (docs/nopcommerce.md §3), and the read-only parts (what checkout shows now, choices, key mask, notification URL, health).
/// </summary>
public class ConfigurationModelFactory
{
    private readonly CheckoutReasonsModelFactory _checkoutReasons;
    private readonly IIntegrationHealthLog _healthLog;
    private readonly ILocalizationService _localizationService;
    private readonly ReconciliationOutlook _reconciliationOutlook;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreService _storeService;
    private readonly StoreScopedKey _storeScopedKey;

    public ConfigurationModelFactory(CheckoutReasonsModelFactory checkoutReasons,
        IIntegrationHealthLog healthLog,
        ILocalizationService localizationService,
        ReconciliationOutlook reconciliationOutlook,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        StoreScopedKey storeScopedKey)
    {
        _checkoutReasons = checkoutReasons;
        _healthLog = healthLog;
        _localizationService = localizationService;
        _reconciliationOutlook = reconciliationOutlook;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _storeScopedKey = storeScopedKey;
    }

    /// <summary>The page as stored for <paramref name="storeScope"/> (0 = all stores).</summary>
    public virtual async Task<ConfigurationModel> PrepareModelAsync(int storeScope, CancellationToken cancellationToken = default)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeScope);
        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            EnvironmentId = (int)settings.Environment,
            CustomBaseUrl = settings.CustomBaseUrl,
            AppCode = settings.AppCode,
            MerchantId = settings.MerchantId,
            SignTypeId = (int)settings.SignType,
            PayTypeId = (int)settings.PayType,
            ChargeCurrency = settings.ChargeCurrency,
            GoodsNameTemplate = settings.GoodsNameTemplate,
            PaymentExpiryMinutes = settings.PaymentExpiryMinutes,
            LimitPayNoCredit = settings.LimitPayNoCredit,
            AdditionalFee = settings.AdditionalFee,
            AdditionalFeePercentage = settings.AdditionalFeePercentage,
            DebugLogging = settings.DebugLogging,
            ReconciliationIntervalMinutes = settings.ReconciliationIntervalMinutes,
            AutoCancelExpiredOrders = settings.AutoCancelExpiredOrders,
            HideOnDesktop = settings.HideOnDesktop,
            AlipayAppId = settings.AlipayAppId,
            AlipayPublicKey = settings.AlipayPublicKey,
            AlipayGatewayUrl = settings.AlipayGatewayUrl,
            AlipayAuthorizeUrl = settings.AlipayAuthorizeUrl,
        };

        if (storeScope > 0)
        {
            model.EnvironmentId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.Environment, storeScope);
            model.CustomBaseUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.CustomBaseUrl, storeScope);
            model.AppCode_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AppCode, storeScope);
            model.ClientKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ClientKey, storeScope);
            model.MerchantId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.MerchantId, storeScope);
            model.SignTypeId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.SignType, storeScope);
            model.PayTypeId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.PayType, storeScope);
            model.ChargeCurrency_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ChargeCurrency, storeScope);
            model.GoodsNameTemplate_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.GoodsNameTemplate, storeScope);
            model.PaymentExpiryMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.PaymentExpiryMinutes, storeScope);
            model.LimitPayNoCredit_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.LimitPayNoCredit, storeScope);
            model.AdditionalFee_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AdditionalFee, storeScope);
            model.AdditionalFeePercentage_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AdditionalFeePercentage, storeScope);
            model.DebugLogging_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.DebugLogging, storeScope);
            model.ReconciliationIntervalMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReconciliationIntervalMinutes, storeScope);
            model.AutoCancelExpiredOrders_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AutoCancelExpiredOrders, storeScope);
            model.HideOnDesktop_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.HideOnDesktop, storeScope);
            model.AlipayAppId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AlipayAppId, storeScope);
            model.AlipayAppPrivateKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AlipayAppPrivateKey, storeScope);
            model.AlipayPublicKey_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AlipayPublicKey, storeScope);
            model.AlipayGatewayUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AlipayGatewayUrl, storeScope);
            model.AlipayAuthorizeUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AlipayAuthorizeUrl, storeScope);
        }

        await PrepareDisplayAsync(model, storeScope, cancellationToken);
        return model;
    }

    /// <summary>
    /// Fills the read-only parts, also when a posted page is shown again. Empties <see cref="ConfigurationModel.ClientKey"/>:
    /// whatever was typed must not travel back to the browser.
    /// </summary>
    public virtual async Task PrepareDisplayAsync(ConfigurationModel model, int storeScope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ClientKey = null;
        model.AlipayAppPrivateKey = null;
        model.ActiveStoreScopeConfiguration = storeScope;

        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeScope);
        model.ClientKeyMask = ClientKeyMask.For(settings.ClientKey);
        model.ClientKeyStoredForScope = await _storeScopedKey.GetOwnAsync(storeScope) is not null;
        model.AlipayAppPrivateKeyPresent = !string.IsNullOrWhiteSpace(settings.AlipayAppPrivateKey);
        model.AlipayAppPrivateKeyStoredForScope = await _storeScopedKey.GetOwnAsync(storeScope, static s => s.AlipayAppPrivateKey) is not null;

        var store = storeScope > 0 ? await _storeService.GetStoreByIdAsync(storeScope) : await _storeContext.GetCurrentStoreAsync();
        model.NotificationUrl = NotificationAddress.ForStore(store?.Url);
        model.NotificationUrlProblems = model.NotificationUrl is null ? [] : await NotificationUrlProblemsAsync(model.NotificationUrl);
        model.NotificationUrlRegistration = string.IsNullOrWhiteSpace(settings.AppCode)
            ? await _localizationService.GetResourceAsync("Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.RegisterNoAppCode")
            : string.Format(CultureInfo.CurrentCulture,
                await _localizationService.GetResourceAsync("Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.Register"), settings.AppCode.Trim());
        model.AlipayCallbackUrl = string.IsNullOrWhiteSpace(store?.Url) ? null : new CallbackUrls(store.Url).AlipayCallback;

        model.AvailableEnvironments = await ChoicesAsync(model.EnvironmentId,
            (QfPayEnvironment.Test, "Plugins.Payments.QfPayAlipay.Environment.Test"),
            (QfPayEnvironment.Production, "Plugins.Payments.QfPayAlipay.Environment.Production"),
            (QfPayEnvironment.Custom, "Plugins.Payments.QfPayAlipay.Environment.Custom"));
        model.AvailablePayTypes = await ChoicesAsync(model.PayTypeId,
            (QfPayPayType.AlipayHongKongWap, "Plugins.Payments.QfPayAlipay.PayType.AlipayHongKongWap"),
            (QfPayPayType.AlipayCrossBorderWap, "Plugins.Payments.QfPayAlipay.PayType.AlipayCrossBorderWap"),
            (QfPayPayType.AlipayServiceWindowH5, "Plugins.Payments.QfPayAlipay.PayType.AlipayServiceWindowH5"));
        model.AvailableSignTypes = await ChoicesAsync(model.SignTypeId,
            (QfPaySignType.Md5, "Plugins.Payments.QfPayAlipay.SignType.Md5"),
            (QfPaySignType.Sha256, "Plugins.Payments.QfPayAlipay.SignType.Sha256"));
        model.AvailableCurrencies = CurrencyChoices(model.ChargeCurrency);

        await _checkoutReasons.PrepareAsync(model, settings, storeScope);

        model.Health = await PrepareHealthAsync(storeScope, cancellationToken);
    }

    /// <summary>The answer to "Test connection", with the field to correct when it failed.</summary>
    /// <param name="message">The translated outcome.</param>
    public virtual async Task<ConnectionTestModel> PrepareConnectionTestAsync(ConnectionTestResult result, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        var field = result.Succeeded ? null : _checkoutReasons.FieldToFix(result);
        return new ConnectionTestModel
        {
            Succeeded = result.Succeeded,
            Message = message,
            FixFieldId = field,
            FixText = field is null ? null : await _localizationService.GetResourceAsync("Plugins.Payments.QfPayAlipay.Configure.Checkout.Fix.ThisPage"),
        };
    }

    private async Task<IList<string>> NotificationUrlProblemsAsync(string url)
    {
        var address = new Uri(url);
        var texts = new List<string>();
        foreach (var problem in NotificationAddress.ProblemsOf(url))
        {
            var (key, argument) = problem switch
            {
                NotificationUrlProblem.NotHttps => ("Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.NotHttps", string.Empty),
                NotificationUrlProblem.UnsupportedPort => ("Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.Port", address.Port.ToString(CultureInfo.InvariantCulture)),
                NotificationUrlProblem.LocalName => ("Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.LocalName", address.Host),
                _ => ("Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.PrivateAddress", address.Host),
            };
            texts.Add(string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(key), argument));
        }

        return texts;
    }

    private async Task<HealthModel> PrepareHealthAsync(int storeScope, CancellationToken cancellationToken)
    {
        var report = await _healthLog.GetReportAsync(storeScope, cancellationToken);
        var outlook = await _reconciliationOutlook.GetAsync(storeScope, cancellationToken);
        return new HealthModel
        {
            AttemptsTooRecentToQuery = outlook.TooRecentToQuery,
            TooRecentMinutes = (int)Math.Round(outlook.MinimumAge.TotalMinutes),
            ReconciliationTaskState = outlook.TaskState,
            NextReconciliationUtc = outlook.NextRunUtc,
            LastNotification = await EventAsync(report.LastNotification),
            RejectedLast24Hours = report.RejectedLast24Hours,
            Rejections = [.. report.RejectionsLast24Hours.Select(static r => new RejectionModel
            {
                Reason = r.Reason,
                Count = r.Count,
                LastOccurredOnUtc = r.LastOccurredOnUtc,
            })],
            LastReconciliation = await EventAsync(report.LastReconciliation),
        };
    }

    private async Task<HealthEventModel?> EventAsync(IntegrationHealthEntry? entry)
    {
        if (entry is null)
            return null;

        var (succeeded, resultKey) = entry.Kind switch
        {
            IntegrationEventKind.NotificationAccepted => (true, "Plugins.Payments.QfPayAlipay.Health.Accepted"),
            IntegrationEventKind.NotificationRejected => (false, "Plugins.Payments.QfPayAlipay.Health.Rejected"),
            IntegrationEventKind.ReconciliationRun => (true, "Plugins.Payments.QfPayAlipay.Health.ReconciliationFinished"),
            _ => (false, "Plugins.Payments.QfPayAlipay.Health.ReconciliationFailed"),
        };

        return new HealthEventModel
        {
            OccurredOnUtc = entry.OccurredOnUtc,
            Succeeded = succeeded,
            Result = await _localizationService.GetResourceAsync(resultKey),
            Detail = entry.Detail,
        };
    }

    private async Task<IList<SelectListItem>> ChoicesAsync<TEnum>(int selected, params (TEnum Value, string ResourceKey)[] choices)
        where TEnum : struct, Enum
    {
        var items = new List<SelectListItem>();
        foreach (var (value, resourceKey) in choices)
        {
            var id = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            items.Add(new SelectListItem(await _localizationService.GetResourceAsync(resourceKey),
                id.ToString(System.Globalization.CultureInfo.InvariantCulture), id == selected));
        }

        return items;
    }

    // The codes the plugin can charge in (docs/qfpay-protocol.md §9.1); a stored code outside the list stays visible rather than
    // being silently replaced by the first choice.
    private static IList<SelectListItem> CurrencyChoices(string? selected)
    {
        var current = MinorUnits.NormalizeCurrency(selected);
        var codes = MinorUnits.SupportedCurrencies.Order(StringComparer.Ordinal).ToList();
        if (current is not null && !codes.Contains(current))
            codes.Insert(0, current);

        return [.. codes.Select(code => new SelectListItem(code, code, code == current))];
    }
}
