using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>
/// The configure page end to end below MVC: the controller with the real factory, saver and validator-facing model,
/// over a setting store that really keeps one value per store.
/// </summary>
public class PaymentQfPayAlipayControllerTests
{
    private const string SharedKey = "A1B2C3D4E5F60718293A4B5C6D7E2C8E";
    private const string Store2Key = "99887766554433221100FFEEDDCC7B1F";

    private PerStoreSettingService _settings = null!;
    private Mock<IStoreContext> _storeContext = null!;
    private Mock<INotificationService> _notifications = null!;
    private Mock<IIntegrationHealthLog> _healthLog = null!;
    private int _activeScope;

    [SetUp]
    public void SetUp()
    {
        _settings = new PerStoreSettingService();
        _activeScope = 0;
        _storeContext = new Mock<IStoreContext>();
        _storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(() => _activeScope);
        _storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1, Url = "https://shop.example/" });
        _notifications = new Mock<INotificationService>();
        _healthLog = new Mock<IIntegrationHealthLog>();
        _healthLog.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(IntegrationHealthReport.Empty);
    }

    private PaymentQfPayAlipayController Controller(HttpClient? http = null)
    {
        var localization = EnglishResources.Mock();
        var storeService = new Mock<IStoreService>();
        storeService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => new Store { Id = id, Url = $"https://store{id}.example" });
        var scopedKey = new StoreScopedKey(_settings);

        var controller = new PaymentQfPayAlipayController(
            ConfigurePageFactory.Create(_settings, _storeContext.Object, storeService.Object, _healthLog.Object, localization.Object),
            new ConfigurationSaver(_settings, scopedKey),
            new ConnectionSettingsResolver(_settings),
            new ConnectionTester(new QfPayClient(http ?? new HttpClient()), TimeProvider.System),
            localization.Object,
            _notifications.Object,
            _storeContext.Object)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() },
        };
        return controller;
    }

    private async Task<ConfigurationModel> OpenAsync(int scope)
    {
        _activeScope = scope;
        var result = await Controller().Configure();
        return (ConfigurationModel)((ViewResult)result).Model!;
    }

    private async Task<IActionResult> SaveAsync(int scope, ConfigurationModel model)
    {
        _activeScope = scope;
        return await Controller().Save(model with { ActiveStoreScopeConfiguration = scope });
    }

    /// <summary>The shared (all stores) configuration of a working test merchant.</summary>
    private async Task SaveSharedAsync()
    {
        var page = await OpenAsync(0);
        await SaveAsync(0, page with { AppCode = "SHAREDAPPCODE", ClientKey = SharedKey, GoodsNameTemplate = "Order {OrderNumber}" });
    }

    // Attributes MVC reads from the plugin's metadata.

    [Test]
    public void The_page_is_an_admin_area_page_protected_by_antiforgery()
    {
        var type = typeof(PaymentQfPayAlipayController);

        Assert.Multiple(() =>
        {
            Assert.That(type.Name, Is.EqualTo(QfPayAlipayDefaults.AdminControllerName + "Controller"));
            Assert.That(type.IsSubclassOf(typeof(BasePaymentController)), Is.True);
            Assert.That(type.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Not.Null);
            Assert.That(type.GetCustomAttribute<AreaAttribute>()?.RouteValue, Is.EqualTo(AreaNames.ADMIN));
            Assert.That(type.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>(), Is.Not.Null);
        });
    }

    [TestCase(nameof(PaymentQfPayAlipayController.Configure))]
    [TestCase(nameof(PaymentQfPayAlipayController.Save))]
    [TestCase(nameof(PaymentQfPayAlipayController.TestConnection))]
    public void Every_action_requires_the_payment_methods_permission(string action)
    {
        var permission = typeof(PaymentQfPayAlipayController).GetMethod(action)!.GetCustomAttribute<CheckPermissionAttribute>();

        Assert.That(permission?.PermissionSystemName, Is.EqualTo(new[] { StandardPermission.Configuration.MANAGE_PAYMENT_METHODS }));
    }

    [TestCase(nameof(PaymentQfPayAlipayController.Save), "save")]
    [TestCase(nameof(PaymentQfPayAlipayController.TestConnection), "test-connection")]
    public void Each_submit_button_posts_to_its_own_action_of_the_configure_form(string action, string button)
    {
        var method = typeof(PaymentQfPayAlipayController).GetMethod(action)!;

        Assert.Multiple(() =>
        {
            Assert.That(method.GetCustomAttribute<HttpPostAttribute>(), Is.Not.Null);
            Assert.That(method.GetCustomAttribute<ActionNameAttribute>()?.Name, Is.EqualTo("Configure"));
            Assert.That(method.GetCustomAttribute<FormValueRequiredAttribute>(), Is.Not.Null);
            Assert.That(action == nameof(PaymentQfPayAlipayController.Save)
                ? PaymentQfPayAlipayController.SaveButton
                : PaymentQfPayAlipayController.TestConnectionButton, Is.EqualTo(button));
        });
    }

    // Loading and saving per store scope.

    [Test]
    public async Task The_page_for_all_stores_shows_the_defaults_and_no_override_flags()
    {
        var page = await OpenAsync(0);

        Assert.Multiple(() =>
        {
            Assert.That(page.ActiveStoreScopeConfiguration, Is.EqualTo(0));
            Assert.That(page.EnvironmentId, Is.EqualTo((int)QfPayEnvironment.Test));
            Assert.That(page.PayTypeId, Is.EqualTo((int)QfPayPayType.AlipayHongKongWap));
            Assert.That(page.ChargeCurrency, Is.EqualTo("HKD"));
            Assert.That(page.ReconciliationIntervalMinutes, Is.EqualTo(10));
            Assert.That(page.AutoCancelExpiredOrders, Is.False);
            Assert.That(page.ClientKeyMask, Is.Null);
            Assert.That(page.NotificationUrl, Is.EqualTo("https://shop.example/Plugins/QfPayAlipay/Notify"));
            Assert.That(page.AvailableEnvironments, Has.Count.EqualTo(3));
            Assert.That(page.AvailablePayTypes.Single(i => i.Selected).Value, Is.EqualTo("801512"));
        });
    }

    [Test]
    public async Task Saving_for_all_stores_writes_the_shared_values_and_clears_the_cache_once()
    {
        await SaveSharedAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.AppCode, 0), Is.EqualTo("SHAREDAPPCODE"));
            Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.ClientKey, 0), Is.EqualTo(SharedKey));
            Assert.That(_settings.Rows.Keys.Select(k => k.StoreId), Is.All.EqualTo(0));
            Assert.That(_settings.CacheClears, Is.EqualTo(1));
        });
        _notifications.Verify(n => n.SuccessNotification("Admin.Plugins.Saved", true, 0), Times.Once);
    }

    [Test]
    public async Task A_store_scope_shows_which_settings_the_store_overrides()
    {
        await SaveSharedAsync();
        var store2 = await OpenAsync(2);
        await SaveAsync(2, store2 with { PaymentExpiryMinutes = 15, PaymentExpiryMinutes_OverrideForStore = true });

        var reopened = await OpenAsync(2);

        Assert.Multiple(() =>
        {
            Assert.That(reopened.ActiveStoreScopeConfiguration, Is.EqualTo(2));
            Assert.That(reopened.PaymentExpiryMinutes, Is.EqualTo(15));
            Assert.That(reopened.PaymentExpiryMinutes_OverrideForStore, Is.True);
            Assert.That(reopened.AppCode, Is.EqualTo("SHAREDAPPCODE"), "inherited from all stores");
            Assert.That(reopened.AppCode_OverrideForStore, Is.False);
            Assert.That(reopened.GoodsNameTemplate_OverrideForStore, Is.False);
            Assert.That(reopened.NotificationUrl, Is.EqualTo("https://store2.example/Plugins/QfPayAlipay/Notify"));
        });
    }

    [Test]
    public async Task Unticking_an_override_removes_the_stores_own_value_so_the_shared_one_applies_again()
    {
        await SaveSharedAsync();
        var store2 = await OpenAsync(2);
        await SaveAsync(2, store2 with { DebugLogging = true, DebugLogging_OverrideForStore = true });
        Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.DebugLogging, 2), Is.EqualTo("True"));

        await SaveAsync(2, (await OpenAsync(2)) with { DebugLogging_OverrideForStore = false });

        Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.DebugLogging, 2), Is.Null);
        Assert.That((await _settings.LoadSettingAsync<QfPayAlipaySettings>(2)).DebugLogging, Is.False);
    }

    [Test]
    public async Task Credentials_saved_for_store_2_never_reach_store_1_or_the_shared_settings()
    {
        await SaveSharedAsync();
        var store2 = await OpenAsync(2);

        await SaveAsync(2, store2 with
        {
            EnvironmentId = (int)QfPayEnvironment.Production, EnvironmentId_OverrideForStore = true,
            AppCode = "STORE2APPCODE", AppCode_OverrideForStore = true,
            ClientKey = Store2Key, ClientKey_OverrideForStore = true,
            MerchantId = "ZaMVg12345", MerchantId_OverrideForStore = true,
            ChargeCurrency = "HKD", ChargeCurrency_OverrideForStore = true,
        });

        var store1 = await _settings.LoadSettingAsync<QfPayAlipaySettings>(1);
        var shared = await _settings.LoadSettingAsync<QfPayAlipaySettings>(0);
        var own2 = await _settings.LoadSettingAsync<QfPayAlipaySettings>(2);
        Assert.Multiple(() =>
        {
            Assert.That(own2.ClientKey, Is.EqualTo(Store2Key));
            Assert.That(own2.AppCode, Is.EqualTo("STORE2APPCODE"));
            Assert.That(store1.ClientKey, Is.EqualTo(SharedKey));
            Assert.That(store1.AppCode, Is.EqualTo("SHAREDAPPCODE"));
            Assert.That(store1.Environment, Is.EqualTo(QfPayEnvironment.Test));
            Assert.That(store1.MerchantId, Is.Null.Or.Empty);
            Assert.That(shared.ClientKey, Is.EqualTo(SharedKey));
            Assert.That(_settings.Rows.Where(r => r.Key.StoreId != 2).Select(r => r.Value), Has.None.EqualTo(Store2Key));
            Assert.That(_settings.Rows.Keys.Where(k => k.StoreId == 1), Is.Empty, "store 1 has no rows of its own");
        });
    }

    [Test]
    public async Task Saving_store_1_with_a_blank_key_box_does_not_copy_another_stores_key()
    {
        await SaveSharedAsync();
        await SaveAsync(2, (await OpenAsync(2)) with
        {
            EnvironmentId_OverrideForStore = true, AppCode = "STORE2APPCODE", AppCode_OverrideForStore = true,
            ClientKey = Store2Key, ClientKey_OverrideForStore = true,
        });

        // Store 1 overrides the credentials but leaves the key box blank: it keeps only a key of its own (none).
        await SaveAsync(1, (await OpenAsync(1)) with
        {
            EnvironmentId_OverrideForStore = true, AppCode = "STORE1APPCODE", AppCode_OverrideForStore = true,
            ClientKey = "", ClientKey_OverrideForStore = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.ClientKey, 1), Is.Empty);
            Assert.That(_settings.Rows.Where(r => r.Key.StoreId != 2).Select(r => r.Value), Has.None.EqualTo(Store2Key));
        });
    }

    // The write-only key.

    [Test]
    public async Task A_blank_key_box_keeps_the_stored_key()
    {
        await SaveSharedAsync();

        await SaveAsync(0, (await OpenAsync(0)) with { ClientKey = "   ", MerchantId = "ZaMVg12345" });

        Assert.Multiple(() =>
        {
            Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.ClientKey, 0), Is.EqualTo(SharedKey));
            Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.MerchantId, 0), Is.EqualTo("ZaMVg12345"));
        });
    }

    [Test]
    public async Task A_typed_key_replaces_the_stored_one()
    {
        await SaveSharedAsync();

        await SaveAsync(0, (await OpenAsync(0)) with { ClientKey = " " + Store2Key + " " });

        Assert.That(_settings.Stored<QfPayAlipaySettings>(s => s.ClientKey, 0), Is.EqualTo(Store2Key));
    }

    [Test]
    public async Task The_page_shows_only_the_last_four_characters_of_the_stored_key()
    {
        await SaveSharedAsync();

        var page = await OpenAsync(0);

        Assert.Multiple(() =>
        {
            Assert.That(page.ClientKey, Is.Null);
            Assert.That(page.ClientKeyMask, Is.EqualTo("•••• 2C8E"));
            Assert.That(page.ClientKeyStoredForScope, Is.True);
            Assert.That(JsonSerializer.Serialize(page), Does.Not.Contain(SharedKey));
        });
    }

    [Test]
    public void The_model_never_prints_a_typed_key()
    {
        var model = new ConfigurationModel { ClientKey = Store2Key, AppCode = "APP" };

        Assert.That(model.ToString(), Does.Not.Contain(Store2Key).And.Contains("[redacted]"));
    }

    [Test]
    public async Task A_page_shown_again_after_a_validation_error_does_not_carry_the_typed_key()
    {
        const string typed = "0123456789ABCDEF0123456789ABCDEF";
        _activeScope = 0;
        var controller = Controller();
        controller.ModelState.SetModelValue(nameof(ConfigurationModel.ClientKey), typed, typed);
        controller.ModelState.AddModelError(nameof(ConfigurationModel.ClientKey), "some error");

        var result = await controller.Save((await OpenAsync(0)) with { ClientKey = typed });

        var view = (ViewResult)result;
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(view.Model), Does.Not.Contain(typed));
            Assert.That(controller.ModelState[nameof(ConfigurationModel.ClientKey)]!.AttemptedValue, Is.Null);
            Assert.That(controller.ModelState[nameof(ConfigurationModel.ClientKey)]!.Errors, Has.Count.EqualTo(1), "the error stays");
            Assert.That(_settings.Rows, Is.Empty, "nothing saved");
        });
    }

    [Test]
    public async Task A_post_from_a_page_opened_for_another_store_scope_saves_nothing()
    {
        var openedForStore2 = (await OpenAsync(2)) with { AppCode = "X", AppCode_OverrideForStore = true };
        _activeScope = 1;

        var result = await Controller().Save(openedForStore2);

        Assert.That(result, Is.InstanceOf<RedirectToActionResult>());
        Assert.That(_settings.Rows, Is.Empty);
        _notifications.Verify(n => n.WarningNotification(EnglishResources.Text("Plugins.Payments.QfPayAlipay.Configure.ScopeChanged"), true, 0), Times.Once);
    }

    // Test connection through the page, against the simulator.

    [Test]
    public async Task Testing_the_connection_uses_the_typed_key_shows_the_answer_and_saves_nothing()
    {
        await using var simulator = await QfPaySimulatorHost.StartAsync(new SimulatorOptions());
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var page = (await OpenAsync(0)) with
        {
            EnvironmentId = (int)QfPayEnvironment.Custom,
            CustomBaseUrl = simulator.BaseAddress.ToString(),
            AppCode = simulator.DefaultMerchant.AppCode,
            ClientKey = simulator.DefaultMerchant.ClientKey,
        };
        var controller = Controller(http);
        controller.ModelState.SetModelValue(nameof(ConfigurationModel.ClientKey), page.ClientKey, page.ClientKey);

        var view = (ViewResult)await controller.TestConnection(page);

        var shown = (ConfigurationModel)view.Model!;
        Assert.Multiple(() =>
        {
            Assert.That(shown.ConnectionTest!.Succeeded, Is.True);
            Assert.That(shown.ConnectionTest.Message, Is.EqualTo(string.Format(
                EnglishResources.Text("Plugins.Payments.QfPayAlipay.TestConnection.Ok"), simulator.BaseAddress)));
            Assert.That(JsonSerializer.Serialize(shown), Does.Not.Contain(simulator.DefaultMerchant.ClientKey));
            Assert.That(controller.ModelState[nameof(ConfigurationModel.ClientKey)]!.AttemptedValue, Is.Null);
            Assert.That(_settings.Rows, Is.Empty);
            Assert.That(shown.ConnectionTest.FixFieldId, Is.Null);
            // Nothing is saved yet, so the answer goes on to say why checkout still hides the method.
            Assert.That(shown.HiddenAtCheckoutBecause.Select(static r => r.Text),
                Has.Member(EnglishResources.Text("Plugins.Payments.QfPayAlipay.Configure.Checkout.NoAppCode")));
        });
    }

    [Test]
    public async Task Testing_the_connection_without_typing_a_key_uses_the_stored_one()
    {
        await using var simulator = await QfPaySimulatorHost.StartAsync(new SimulatorOptions());
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        await SaveAsync(0, (await OpenAsync(0)) with
        {
            EnvironmentId = (int)QfPayEnvironment.Custom,
            CustomBaseUrl = simulator.BaseAddress.ToString(),
            AppCode = simulator.DefaultMerchant.AppCode,
            ClientKey = "00000000000000000000000000000000",
        });

        var view = (ViewResult)await Controller(http).TestConnection(await OpenAsync(0));

        var shown = (ConfigurationModel)view.Model!;
        Assert.That(shown.ConnectionTest!.Succeeded, Is.False);
        Assert.That(shown.ConnectionTest.Message, Does.StartWith("Wrong key"));
        Assert.That((shown.ConnectionTest.FixFieldId, shown.ConnectionTest.FixText),
            Is.EqualTo((nameof(ConfigurationModel.ClientKey), EnglishResources.Text("Plugins.Payments.QfPayAlipay.Configure.Checkout.Fix.ThisPage"))));
    }
}
