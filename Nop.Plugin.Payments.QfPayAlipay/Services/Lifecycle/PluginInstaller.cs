using System.Linq.Expressions;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;

/// <summary>
/// What installing, upgrading and uninstalling the plugin does to the store: its settings, its locale
/// resources, its reconciliation task, its entry in the active widgets (WidgetSettings) and, on uninstall, its
/// entry in the active payment methods (PaymentSettings), and nothing else.
/// The health log table comes and goes with the plugin's migration (Data/HealthSchemaMigration), which
/// nopCommerce runs around these steps.
/// </summary>
/// <remarks>
/// The payment method itself is not activated on install: taking payments is the admin's decision. Uninstalling
/// removes it from the active payment methods, as nopCommerce's bundled PayPal Commerce plugin does, because
/// nopCommerce itself leaves the name there. Its admin order page block is activated, because nopCommerce renders only active widgets and the
/// block is part of the payment method, not a widget listed for the admin to manage.
/// </remarks>
public class PluginInstaller
{
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public PluginInstaller(ILanguageService languageService,
        ILocalizationService localizationService,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _languageService = languageService;
        _localizationService = localizationService;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Default settings for all stores, texts in every installed language, the reconciliation task, and the
    /// order page block among the active widgets.
    /// </summary>
    public virtual async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new QfPayAlipaySettings());

        foreach (var language in await _languageService.GetAllLanguagesAsync(true))
        {
            var texts = PluginResources.For(LocaleVariants.ForCulture(language.LanguageCulture));
            await _localizationService.AddOrUpdateLocaleResourceAsync(texts, language.Id);
        }

        await EnsureReconciliationTaskAsync();
        await ActivateOrderPageBlockAsync();
    }

    /// <summary>
    /// Adds what a newer version brings and nothing more: settings and texts that do not exist yet get their
    /// defaults, while values the admin changed (settings and edited texts alike) stay as they are.
    /// </summary>
    public virtual async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        var defaults = new QfPayAlipaySettings();
        var added = false;
        foreach (var field in SettingFields.All)
        {
            if (await field.ExistsAsync(_settingService, defaults, 0))
                continue;

            await field.SaveAsync(_settingService, defaults, 0);
            added = true;
        }

        if (added)
            await _settingService.ClearCacheAsync();

        foreach (var language in await _languageService.GetAllLanguagesAsync(true))
        {
            var missing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, text) in PluginResources.For(LocaleVariants.ForCulture(language.LanguageCulture)))
            {
                var existing = await _localizationService.GetResourceAsync(key, language.Id, false, string.Empty, true);
                if (string.IsNullOrEmpty(existing))
                    missing[key] = text;
            }

            if (missing.Count > 0)
                await _localizationService.AddOrUpdateLocaleResourceAsync(missing, language.Id);
        }

        await EnsureReconciliationTaskAsync();
    }

    /// <summary>
    /// Removes the plugin's settings (every store), its texts (every language), its task and its entries in the active
    /// widgets and the active payment methods.
    /// </summary>
    public virtual async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<QfPayAlipaySettings>();
        await _localizationService.DeleteLocaleResourcesAsync(QfPayAlipayDefaults.LocaleResourcePrefix);

        var task = await _scheduleTaskService.GetTaskByTypeAsync(QfPayAlipayDefaults.ReconciliationTaskType);
        if (task is not null)
            await _scheduleTaskService.DeleteTaskAsync(task);

        await DeactivateOrderPageBlockAsync();
        await DeactivatePaymentMethodAsync();
    }

    // nopCommerce compares active widget names case-insensitively; an entry in any casing already counts, and is
    // not added twice. Saved only when it changes, so a reinstall rewrites nothing.
    private async Task ActivateOrderPageBlockAsync()
    {
        var widgets = await _settingService.LoadSettingAsync<WidgetSettings>();
        if (widgets.ActiveWidgetSystemNames.Contains(QfPayAlipayDefaults.SystemName, StringComparer.OrdinalIgnoreCase))
            return;

        widgets.ActiveWidgetSystemNames.Add(QfPayAlipayDefaults.SystemName);
        await _settingService.SaveSettingAsync(widgets);
    }

    // A stale name would stay in the shared list after the plugin is gone; other widgets' names are left as they are.
    private async Task DeactivateOrderPageBlockAsync()
    {
        var widgets = await _settingService.LoadSettingAsync<WidgetSettings>();
        var removed = widgets.ActiveWidgetSystemNames.RemoveAll(name =>
            string.Equals(name, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase));
        if (removed > 0)
            await _settingService.SaveSettingAsync(widgets);
    }

    // A stale name would be listed as active again if the plugin were ever reinstalled, before the admin chose to
    // take payments; other methods' names are left as they are. nopCommerce compares them case-insensitively.
    private async Task DeactivatePaymentMethodAsync()
    {
        var payments = await _settingService.LoadSettingAsync<PaymentSettings>();
        var removed = payments.ActivePaymentMethodSystemNames.RemoveAll(name =>
            string.Equals(name, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase));
        if (removed > 0)
            await _settingService.SaveSettingAsync(payments);
    }

    // An admin may have tuned or disabled an existing task; only a missing one is created.
    private async Task EnsureReconciliationTaskAsync()
    {
        if (await _scheduleTaskService.GetTaskByTypeAsync(QfPayAlipayDefaults.ReconciliationTaskType) is not null)
            return;

        await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
        {
            Name = QfPayAlipayDefaults.ReconciliationTaskName,
            Type = QfPayAlipayDefaults.ReconciliationTaskType,
            Seconds = QfPayAlipayDefaults.ReconciliationTaskSeconds,
            Enabled = true,
            StopOnError = false,
            LastEnabledUtc = _timeProvider.GetUtcNow().UtcDateTime,
        });
    }
}

/// <summary>
/// Every property of <see cref="QfPayAlipaySettings"/>, each as a typed key selector. nopCommerce derives the
/// setting key from a member expression, so a list of <c>x =&gt; (object)x.Prop</c> would not do; each entry
/// keeps its own property type. A convention test checks that no property is missing.
/// </summary>
public static class SettingFields
{
    public static IReadOnlyList<SettingField> All { get; } =
    [
        SettingField.For(s => s.Environment),
        SettingField.For(s => s.CustomBaseUrl),
        SettingField.For(s => s.AppCode),
        SettingField.For(s => s.ClientKey),
        SettingField.For(s => s.MerchantId),
        SettingField.For(s => s.PayType),
        SettingField.For(s => s.SignType),
        SettingField.For(s => s.ChargeCurrency),
        SettingField.For(s => s.GoodsNameTemplate),
        SettingField.For(s => s.PaymentExpiryMinutes),
        SettingField.For(s => s.LimitPayNoCredit),
        SettingField.For(s => s.AdditionalFeePercentage),
        SettingField.For(s => s.AdditionalFee),
        SettingField.For(s => s.DebugLogging),
        SettingField.For(s => s.ReconciliationIntervalMinutes),
        SettingField.For(s => s.AutoCancelExpiredOrders),
        SettingField.For(s => s.HideOnDesktop),
        SettingField.For(s => s.AlipayAppId),
        SettingField.For(s => s.AlipayAppPrivateKey),
        SettingField.For(s => s.AlipayPublicKey),
        SettingField.For(s => s.AlipayGatewayUrl),
        SettingField.For(s => s.AlipayAuthorizeUrl),
    ];
}

/// <summary>One setting property, able to ask whether it is stored and to store it.</summary>
public abstract class SettingField
{
    public abstract string PropertyName { get; }

    public static SettingField For<TProperty>(Expression<Func<QfPayAlipaySettings, TProperty>> selector) =>
        new Typed<TProperty>(selector);

    public abstract Task<bool> ExistsAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId);

    /// <summary>Writes the property's value from <paramref name="settings"/> for <paramref name="storeId"/>, without clearing the cache.</summary>
    public abstract Task SaveAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId);

    private sealed class Typed<TProperty>(Expression<Func<QfPayAlipaySettings, TProperty>> selector) : SettingField
    {
        public override string PropertyName { get; } = ((MemberExpression)selector.Body).Member.Name;

        public override Task<bool> ExistsAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId) =>
            settingService.SettingExistsAsync(settings, selector, storeId);

        public override Task SaveAsync(ISettingService settingService, QfPayAlipaySettings settings, int storeId) =>
            settingService.SaveSettingOverridablePerStoreAsync(settings, selector, true, storeId, false);
    }
}
