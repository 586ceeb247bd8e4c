using Moq;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Lifecycle;

public class PluginInstallerTests
{
    private const string TaskType = "Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation.ReconciliationTask";

    // plugin.json's SystemName: the name nopCommerce looks up in WidgetSettings.ActiveWidgetSystemNames.
    private const string SystemName = "Payments.QfPayAlipay";

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

    private Mock<ILanguageService> _languages = null!;
    private Mock<ILocalizationService> _localization = null!;
    private Mock<IScheduleTaskService> _tasks = null!;
    private Mock<ISettingService> _settings = null!;

    // The stored WidgetSettings.ActiveWidgetSystemNames; each load hands out a copy, as nopCommerce does.
    private List<string> _activeWidgets = null!;

    // The stored PaymentSettings.ActivePaymentMethodSystemNames, handed out the same way.
    private List<string> _activePaymentMethods = null!;

    [SetUp]
    public void SetUp()
    {
        _languages = new Mock<ILanguageService>(MockBehavior.Strict);
        _localization = new Mock<ILocalizationService>(MockBehavior.Strict);
        _tasks = new Mock<IScheduleTaskService>(MockBehavior.Strict);
        _settings = new Mock<ISettingService>(MockBehavior.Strict);

        _languages.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>
        {
            new() { Id = 1, LanguageCulture = "en-US" },
            new() { Id = 2, LanguageCulture = "zh-HK" },
            new() { Id = 3, LanguageCulture = "zh-CN" },
            new() { Id = 4, LanguageCulture = "fr-FR" },
        });
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>())).Returns(Task.CompletedTask);
        _localization.Setup(l => l.DeleteLocaleResourcesAsync(It.IsAny<string>(), It.IsAny<int?>())).Returns(Task.CompletedTask);
        _tasks.Setup(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>())).Returns(Task.CompletedTask);
        _tasks.Setup(t => t.DeleteTaskAsync(It.IsAny<ScheduleTask>())).Returns(Task.CompletedTask);
        _tasks.Setup(t => t.GetTaskByTypeAsync(TaskType)).ReturnsAsync((ScheduleTask)null!);
        _settings.Setup(s => s.SaveSettingAsync(It.IsAny<QfPayAlipaySettings>(), 0)).Returns(Task.CompletedTask);
        _settings.Setup(s => s.DeleteSettingAsync<QfPayAlipaySettings>()).Returns(Task.CompletedTask);

        _activeWidgets = ["Widgets.NivoSlider"];
        _settings.Setup(s => s.LoadSettingAsync<WidgetSettings>(0))
            .ReturnsAsync(() => new WidgetSettings { ActiveWidgetSystemNames = [.. _activeWidgets] });
        _settings.Setup(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), 0))
            .Callback((WidgetSettings saved, int _) => _activeWidgets = [.. saved.ActiveWidgetSystemNames])
            .Returns(Task.CompletedTask);

        _activePaymentMethods = ["Payments.CheckMoneyOrder"];
        _settings.Setup(s => s.LoadSettingAsync<PaymentSettings>(0))
            .ReturnsAsync(() => new PaymentSettings { ActivePaymentMethodSystemNames = [.. _activePaymentMethods], AllowRePostingPayments = true });
        _settings.Setup(s => s.SaveSettingAsync(It.IsAny<PaymentSettings>(), 0))
            .Callback((PaymentSettings saved, int _) => _activePaymentMethods = [.. saved.ActivePaymentMethodSystemNames])
            .Returns(Task.CompletedTask);
    }

    private PluginInstaller Installer(ISettingService? settings = null) =>
        new(_languages.Object, _localization.Object, _tasks.Object, settings ?? _settings.Object, new FixedClock(Now));

    private static bool AreTexts(IDictionary<string, string> texts, LocaleVariant variant) =>
        texts.Count == PluginResources.All.Count
        && PluginResources.All.All(r => texts.TryGetValue(r.Key, out var text) && text == r.In(variant));

    private void VerifyNothingElse()
    {
        _languages.VerifyNoOtherCalls();
        _localization.VerifyNoOtherCalls();
        _tasks.VerifyNoOtherCalls();
        _settings.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Install_writes_the_default_settings_once_for_all_stores()
    {
        await Installer().InstallAsync();

        _settings.Verify(s => s.SaveSettingAsync(It.Is<QfPayAlipaySettings>(x =>
            x.Environment == QfPayEnvironment.Test && x.AppCode == null && x.ClientKey == null && x.ChargeCurrency == "HKD"
            && x.ReconciliationIntervalMinutes == 10 && !x.AutoCancelExpiredOrders), 0), Times.Once);
    }

    [Test]
    public async Task Install_adds_the_texts_of_each_installed_language_in_its_own_script_with_english_as_fallback()
    {
        await Installer().InstallAsync();

        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.Is<IDictionary<string, string>>(d => AreTexts(d, LocaleVariant.English)), 1), Times.Once);
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.Is<IDictionary<string, string>>(d => AreTexts(d, LocaleVariant.TraditionalChinese)), 2), Times.Once);
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.Is<IDictionary<string, string>>(d => AreTexts(d, LocaleVariant.SimplifiedChinese)), 3), Times.Once);
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.Is<IDictionary<string, string>>(d => AreTexts(d, LocaleVariant.English)), 4), Times.Once);
    }

    [Test]
    public async Task Install_creates_the_reconciliation_task_when_there_is_none()
    {
        await Installer().InstallAsync();

        _tasks.Verify(t => t.InsertTaskAsync(It.Is<ScheduleTask>(task =>
            task.Name == "QFPay Alipay reconciliation" && task.Type == TaskType && task.Seconds == 600
            && task.Enabled && !task.StopOnError && task.LastEnabledUtc == Now.UtcDateTime)), Times.Once);
    }

    [Test]
    public async Task Install_touches_nothing_but_the_settings_the_texts_the_task_and_the_active_widgets()
    {
        await Installer().InstallAsync();

        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<QfPayAlipaySettings>(), 0), Times.Once);
        _settings.Verify(s => s.LoadSettingAsync<WidgetSettings>(0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), 0), Times.Once);
        _languages.Verify(l => l.GetAllLanguagesAsync(true, 0), Times.Once);
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()), Times.Exactly(4));
        _tasks.Verify(t => t.GetTaskByTypeAsync(TaskType), Times.Once);
        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Once);
        VerifyNothingElse();
    }

    [Test]
    public async Task Install_activates_the_order_page_block_but_leaves_activating_the_payment_method_to_the_admin()
    {
        await Installer().InstallAsync();

        Assert.That(_activeWidgets, Is.EqualTo(new[] { "Widgets.NivoSlider", SystemName }));
        _settings.Verify(s => s.LoadSettingAsync<PaymentSettings>(It.IsAny<int>()), Times.Never);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<PaymentSettings>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Install_does_not_add_the_block_again_when_it_is_already_active_in_any_casing()
    {
        _activeWidgets = ["Widgets.NivoSlider", "payments.qfpayalipay"];

        await Installer().InstallAsync();

        Assert.That(_activeWidgets, Is.EqualTo(new[] { "Widgets.NivoSlider", "payments.qfpayalipay" }));
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Install_keeps_an_existing_reconciliation_task_as_the_admin_left_it()
    {
        _tasks.Setup(t => t.GetTaskByTypeAsync(TaskType)).ReturnsAsync(new ScheduleTask { Id = 9, Type = TaskType, Enabled = false });

        await Installer().InstallAsync();

        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    [Test]
    public async Task Uninstall_removes_the_settings_the_texts_the_task_and_the_active_widget_and_payment_method_entries_and_nothing_else()
    {
        var task = new ScheduleTask { Id = 9, Type = TaskType };
        _tasks.Setup(t => t.GetTaskByTypeAsync(TaskType)).ReturnsAsync(task);
        _activeWidgets = ["Widgets.NivoSlider", SystemName];
        _activePaymentMethods = ["Payments.CheckMoneyOrder", SystemName];

        await Installer().UninstallAsync();

        Assert.That(_activeWidgets, Is.EqualTo(new[] { "Widgets.NivoSlider" }));
        _settings.Verify(s => s.DeleteSettingAsync<QfPayAlipaySettings>(), Times.Once);
        _settings.Verify(s => s.LoadSettingAsync<WidgetSettings>(0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), 0), Times.Once);
        _settings.Verify(s => s.LoadSettingAsync<PaymentSettings>(0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<PaymentSettings>(), 0), Times.Once);
        Assert.That(_activePaymentMethods, Is.EqualTo(new[] { "Payments.CheckMoneyOrder" }));
        _localization.Verify(l => l.DeleteLocaleResourcesAsync("Plugins.Payments.QfPayAlipay", null), Times.Once);
        _tasks.Verify(t => t.GetTaskByTypeAsync(TaskType), Times.Once);
        _tasks.Verify(t => t.DeleteTaskAsync(task), Times.Once);
        VerifyNothingElse();
    }

    [Test]
    public async Task Uninstall_removes_only_its_own_name_in_any_casing_and_leaves_other_widgets_active()
    {
        _activeWidgets = ["Widgets.GoogleAnalytics", "payments.QFPAYALIPAY", "Widgets.NivoSlider", "Payments.QfPayAlipay.Extra"];

        await Installer().UninstallAsync();

        Assert.That(_activeWidgets, Is.EqualTo(new[] { "Widgets.GoogleAnalytics", "Widgets.NivoSlider", "Payments.QfPayAlipay.Extra" }));
    }

    [Test]
    public async Task Uninstall_writes_no_widget_settings_when_the_block_is_not_active()
    {
        await Installer().UninstallAsync();

        Assert.That(_activeWidgets, Is.EqualTo(new[] { "Widgets.NivoSlider" }));
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Uninstall_takes_the_method_out_of_the_active_payment_methods_and_keeps_the_others()
    {
        _activePaymentMethods = ["Payments.CheckMoneyOrder", "payments.QFPAYALIPAY", "Payments.Manual", "Payments.QfPayAlipay.Extra"];

        await Installer().UninstallAsync();

        Assert.That(_activePaymentMethods, Is.EqualTo(new[] { "Payments.CheckMoneyOrder", "Payments.Manual", "Payments.QfPayAlipay.Extra" }));
        _settings.Verify(s => s.SaveSettingAsync(It.Is<PaymentSettings>(p => p.AllowRePostingPayments), 0), Times.Once);
    }

    [Test]
    public async Task Uninstall_writes_no_payment_settings_when_the_method_is_not_active()
    {
        await Installer().UninstallAsync();

        Assert.That(_activePaymentMethods, Is.EqualTo(new[] { "Payments.CheckMoneyOrder" }));
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<PaymentSettings>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Install_leaves_the_active_payment_methods_to_the_admin()
    {
        await Installer().InstallAsync();

        _settings.Verify(s => s.LoadSettingAsync<PaymentSettings>(It.IsAny<int>()), Times.Never);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<PaymentSettings>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Uninstall_without_a_task_deletes_no_task()
    {
        await Installer().UninstallAsync();

        _tasks.Verify(t => t.DeleteTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    [Test]
    public async Task Update_adds_missing_settings_and_keeps_the_values_the_admin_changed()
    {
        var store = new PerStoreSettingService();
        // An older version stored only some properties; the admin changed two of them.
        await store.SetSettingAsync("qfpayalipaysettings.appcode", "MYAPPCODE");
        await store.SetSettingAsync("qfpayalipaysettings.chargecurrency", "CNY");
        await store.SetSettingAsync("qfpayalipaysettings.environment", QfPayEnvironment.Production);
        var clearsBefore = store.CacheClears;
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), false, string.Empty, true)).ReturnsAsync("existing");

        await Installer(store).UpdateAsync("1.0.0", "1.1.0");

        var settings = await store.LoadSettingAsync<QfPayAlipaySettings>();
        Assert.Multiple(() =>
        {
            Assert.That(settings.AppCode, Is.EqualTo("MYAPPCODE"));
            Assert.That(settings.ChargeCurrency, Is.EqualTo("CNY"));
            Assert.That(settings.Environment, Is.EqualTo(QfPayEnvironment.Production));
            Assert.That(store.Rows.Keys.Select(k => k.Key), Is.EquivalentTo(SettingFields.All.Select(f => "qfpayalipaysettings." + f.PropertyName.ToLowerInvariant())));
            Assert.That(store.Stored<QfPayAlipaySettings>(s => s.ReconciliationIntervalMinutes, 0), Is.EqualTo("10"));
            Assert.That(store.Rows.Keys.Select(k => k.StoreId), Is.All.EqualTo(0));
            Assert.That(store.CacheClears - clearsBefore, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Update_adds_only_the_texts_a_language_does_not_have_yet()
    {
        var store = new PerStoreSettingService();
        await store.SaveSettingAsync(new QfPayAlipaySettings());
        const string newKey = "Plugins.Payments.QfPayAlipay.Configure.Health";
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), false, string.Empty, true))
            .ReturnsAsync((string key, int _, bool _, string _, bool _) => key == newKey ? string.Empty : "edited by the admin");
        _tasks.Setup(t => t.GetTaskByTypeAsync(TaskType)).ReturnsAsync(new ScheduleTask { Type = TaskType });

        await Installer(store).UpdateAsync("1.0.0", "1.1.0");

        var traditional = PluginResources.All.Single(r => r.Key == newKey).TraditionalChinese;
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(
            It.Is<IDictionary<string, string>>(d => d.Count == 1 && d[newKey] == traditional), 2), Times.Once);
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()), Times.Exactly(4));
        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    [Test]
    public async Task Update_with_nothing_missing_writes_nothing()
    {
        var store = new PerStoreSettingService();
        await store.SaveSettingAsync(new QfPayAlipaySettings());
        var rowsBefore = store.Rows.ToDictionary();
        var clearsBefore = store.CacheClears;
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), false, string.Empty, true)).ReturnsAsync("existing");
        _tasks.Setup(t => t.GetTaskByTypeAsync(TaskType)).ReturnsAsync(new ScheduleTask { Type = TaskType });

        await Installer(store).UpdateAsync("1.0.0", "1.0.1");

        Assert.That(store.Rows, Is.EquivalentTo(rowsBefore));
        Assert.That(store.CacheClears, Is.EqualTo(clearsBefore));
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()), Times.Never);
        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
