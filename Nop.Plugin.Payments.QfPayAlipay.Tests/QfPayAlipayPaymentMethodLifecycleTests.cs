using Moq;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests;

/// <summary>The payment method hands install, update and uninstall to <see cref="PluginInstaller"/>.</summary>
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
}
