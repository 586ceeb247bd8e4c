using Moq;
using Nop.Core;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Factories;

/// <summary>
/// Issue #13 item 9: the configure page warns when the notification URL it shows cannot work, and says plainly that the
/// URL must be registered with QFPay for the app code.
/// </summary>
public class NotificationUrlWarningTests
{
    private const string Prefix = "Plugins.Payments.QfPayAlipay.Configure.NotificationUrl.";

    private static async Task<ConfigurationModel> OpenAsync(string storeUrl, string? appCode)
    {
        var settings = new PerStoreSettingService();
        await settings.SaveSettingAsync(new QfPayAlipaySettings { AppCode = appCode });
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1, Url = storeUrl });
        var health = new Mock<IIntegrationHealthLog>();
        health.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(IntegrationHealthReport.Empty);
        return await ConfigurePageFactory.Create(settings, storeContext.Object, Mock.Of<IStoreService>(), health.Object).PrepareModelAsync(0);
    }

    [Test]
    public async Task A_local_development_address_is_named_with_every_reason_qfpay_cannot_reach_it()
    {
        var page = await OpenAsync("http://localhost:5000/", "APPCODE1");

        Assert.Multiple(() =>
        {
            Assert.That(page.NotificationUrl, Is.EqualTo("http://localhost:5000/Plugins/QfPayAlipay/Notify"));
            Assert.That(page.NotificationUrlProblems, Is.EqualTo(new[]
            {
                EnglishResources.Text(Prefix + "NotHttps"),
                string.Format(EnglishResources.Text(Prefix + "Port"), 5000),
                string.Format(EnglishResources.Text(Prefix + "LocalName"), "localhost"),
            }));
        });
    }

    [Test]
    public async Task A_public_https_address_gets_no_warning_but_still_the_registration_instruction_with_the_app_code()
    {
        var page = await OpenAsync("https://shop.example/", " APPCODE1 ");

        Assert.Multiple(() =>
        {
            Assert.That(page.NotificationUrlProblems, Is.Empty);
            Assert.That(page.NotificationUrlRegistration, Is.EqualTo(string.Format(EnglishResources.Text(Prefix + "Register"), "APPCODE1")));
            Assert.That(page.NotificationUrlRegistration, Does.Contain("registered for app code APPCODE1"));
        });
    }

    [Test]
    public async Task Without_an_app_code_the_instruction_says_to_register_once_there_is_one()
    {
        var page = await OpenAsync("https://shop.example/", null);

        Assert.That(page.NotificationUrlRegistration, Is.EqualTo(EnglishResources.Text(Prefix + "RegisterNoAppCode")));
    }
}
