using System.Text.Json;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Plugin.Payments.QfPayAlipay.Validators;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.ServiceWindow;

/// <summary>The admin card "Alipay Service Window (800107)": the app private key is write-only like the QFPay key.</summary>
public class AlipayAppAdminTests
{
    private PerStoreSettingService _settings = null!;

    [SetUp]
    public void SetUp() => _settings = new PerStoreSettingService();

    private ConfigurationModelFactory Factory()
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1, Url = "https://shop.example/" });
        var storeService = new Mock<IStoreService>();
        storeService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => new Store { Id = id, Url = "https://shop.example/" });
        var health = new Mock<IIntegrationHealthLog>();
        health.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(IntegrationHealthReport.Empty);
        return ConfigurePageFactory.Create(_settings, storeContext.Object, storeService.Object, health.Object);
    }

    private ConfigurationSaver Saver() => new(_settings, new StoreScopedKey(_settings));

    private static ConfigurationModel WithApp(ConfigurationModel page, string? privateKey) => page with
    {
        AlipayAppId = "2021000000000001",
        AlipayAppPrivateKey = privateKey,
        AlipayPublicKey = AlipayTestKeys.AlipayPublicKey,
    };

    [Test]
    public async Task The_private_key_is_saved_never_shown_and_kept_when_the_box_is_left_blank()
    {
        await Saver().SaveAsync(WithApp(await Factory().PrepareModelAsync(0), AlipayTestKeys.AppPrivateKey), 0);

        var page = await Factory().PrepareModelAsync(0);
        await Saver().SaveAsync(page with { AlipayAppPrivateKey = "  " }, 0);

        Assert.Multiple(() =>
        {
            Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.AlipayAppPrivateKey, 0), Is.EqualTo(AlipayTestKeys.AppPrivateKey));
            Assert.That(page.AlipayAppPrivateKey, Is.Null);
            Assert.That(page.AlipayAppPrivateKeyPresent, Is.True);
            Assert.That(page.AlipayAppPrivateKeyStoredForScope, Is.True);
            Assert.That(page.AlipayAppId, Is.EqualTo("2021000000000001"));
            Assert.That(page.AlipayCallbackUrl, Is.EqualTo("https://shop.example/Plugins/QfPayAlipay/AlipayCallback"));
            Assert.That(JsonSerializer.Serialize(page), Does.Not.Contain(AlipayTestKeys.AppPrivateKey[..64]));
            Assert.That(page.ToString(), Does.Not.Contain(AlipayTestKeys.AppPrivateKey[..64]));
        });
    }

    [Test]
    public async Task A_blank_box_in_store_2_does_not_copy_the_shared_private_key()
    {
        await Saver().SaveAsync(WithApp(await Factory().PrepareModelAsync(0), AlipayTestKeys.AppPrivateKey), 0);

        await Saver().SaveAsync((await Factory().PrepareModelAsync(2)) with { AlipayAppPrivateKey = "", AlipayAppPrivateKey_OverrideForStore = true }, 2);

        Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.AlipayAppPrivateKey, 2), Is.Null.Or.Empty);
    }

    [Test]
    public void The_validator_explains_a_mixed_up_key_without_quoting_it()
    {
        var validator = new ConfigurationValidator(EnglishResources.Mock().Object);
        var model = WithApp(new ConfigurationModel { PayTypeId = 800107, ReconciliationIntervalMinutes = 10, EnvironmentId = 0, SignTypeId = 1 },
            AlipayTestKeys.AppPrivateKey) with { AlipayPublicKey = AlipayTestKeys.AppPublicKey };

        var errors = validator.Validate(model).Errors.Where(e => e.PropertyName == nameof(ConfigurationModel.AlipayAppPrivateKey)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(errors.Single().ErrorMessage, Does.Contain("own public key"));
            Assert.That(errors.Single().ErrorMessage, Does.Not.Contain(AlipayTestKeys.AppPrivateKey[..40]));
        });
    }

    [Test]
    public void The_validator_accepts_blank_alipay_settings()
    {
        var validator = new ConfigurationValidator(EnglishResources.Mock().Object);

        var errors = validator.Validate(new ConfigurationModel()).Errors.Where(e => e.PropertyName.StartsWith("Alipay", StringComparison.Ordinal));

        Assert.That(errors, Is.Empty);
    }
}
