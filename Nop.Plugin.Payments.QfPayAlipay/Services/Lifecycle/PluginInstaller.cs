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
