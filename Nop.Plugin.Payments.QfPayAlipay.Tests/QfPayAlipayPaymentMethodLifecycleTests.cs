using Moq;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests;

/// <summary>
/// The payment method hands install, update and uninstall to <see cref="PluginInstaller"/>; through it, install and
/// uninstall switch the order page block on and off in WidgetSettings and never touch PaymentSettings.
/// </summary>
public class QfPayAlipayPaymentMethodLifecycleTests
{
    private Mock<PluginInstaller> _installer = null!;
    private QfPayAlipayPaymentMethod _method = null!;

    [SetUp]
    public void SetUp()
    {
        _installer = new Mock<PluginInstaller>(Mock.Of<ILanguageService>(), Mock.Of<ILocalizationService>(),
            Mock.Of<IScheduleTaskService>(), Mock.Of<ISettingService>(), TimeProvider.System);
        var services = new Shop().BuildServices();
        _method = PaymentMethodFactory.Create(services, null, _installer.Object);
    }

    [Test]
    public async Task Installing_runs_the_installer()
    {
        await _method.InstallAsync();

        _installer.Verify(i => i.InstallAsync(), Times.Once);
        _installer.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Updating_runs_the_installers_update_with_both_versions()
    {
        await _method.UpdateAsync("1.0.0", "1.1.0");

        _installer.Verify(i => i.UpdateAsync("1.0.0", "1.1.0"), Times.Once);
        _installer.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Uninstalling_runs_the_installers_uninstall()
    {
        await _method.UninstallAsync();

        _installer.Verify(i => i.UninstallAsync(), Times.Once);
        _installer.VerifyNoOtherCalls();
    }

    [Test]
    public void The_order_page_block_is_not_listed_among_the_widgets_because_installation_activates_it()
    {
        Assert.That(_method.HideInWidgetList, Is.True);
    }

    [Test]
    public async Task Installing_leaves_activating_the_method_to_the_admin_and_uninstalling_deactivates_it_and_the_order_page_block()
    {
        var settings = new Mock<ISettingService>(MockBehavior.Strict);
        var activeWidgets = new List<string> { "Widgets.NivoSlider" };
        // The admin activated the method after installing it.
        var activeMethods = new List<string> { "Payments.CheckMoneyOrder", QfPayAlipayDefaults.SystemName };
        var paymentSettingsSaves = 0;
        settings.Setup(s => s.SaveSettingAsync(It.IsAny<QfPayAlipaySettings>(), 0)).Returns(Task.CompletedTask);
        settings.Setup(s => s.DeleteSettingAsync<QfPayAlipaySettings>()).Returns(Task.CompletedTask);
        settings.Setup(s => s.LoadSettingAsync<WidgetSettings>(0))
            .ReturnsAsync(() => new WidgetSettings { ActiveWidgetSystemNames = [.. activeWidgets] });
        settings.Setup(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), 0))
            .Callback((WidgetSettings saved, int _) => activeWidgets = [.. saved.ActiveWidgetSystemNames])
            .Returns(Task.CompletedTask);
        settings.Setup(s => s.LoadSettingAsync<PaymentSettings>(0))
            .ReturnsAsync(() => new PaymentSettings { ActivePaymentMethodSystemNames = [.. activeMethods] });
        settings.Setup(s => s.SaveSettingAsync(It.IsAny<PaymentSettings>(), 0))
            .Callback((PaymentSettings saved, int _) =>
            {
                paymentSettingsSaves++;
                activeMethods = [.. saved.ActivePaymentMethodSystemNames];
            })
            .Returns(Task.CompletedTask);
        var languages = new Mock<ILanguageService>();
        languages.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>());
        var tasks = new Mock<IScheduleTaskService>();
        tasks.Setup(t => t.GetTaskByTypeAsync(It.IsAny<string>())).ReturnsAsync((ScheduleTask)null!);
        var installer = new PluginInstaller(languages.Object, Mock.Of<ILocalizationService>(), tasks.Object, settings.Object, TimeProvider.System);
        var method = PaymentMethodFactory.Create(new Shop().BuildServices(), null, installer);

        await method.InstallAsync();
        var (widgetsAfterInstall, savesAfterInstall) = (activeWidgets, paymentSettingsSaves);
        await method.UninstallAsync();

        Assert.Multiple(() =>
        {
            Assert.That(widgetsAfterInstall, Is.EqualTo(new[] { "Widgets.NivoSlider", QfPayAlipayDefaults.SystemName }));
            Assert.That(savesAfterInstall, Is.Zero, "activating the method is the admin's call");
            Assert.That(activeWidgets, Is.EqualTo(new[] { "Widgets.NivoSlider" }));
            Assert.That(activeMethods, Is.EqualTo(new[] { "Payments.CheckMoneyOrder" }));
        });
    }
}
