using Moq;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Directory;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Factories;

/// <summary>
/// Issue #13 item 2: the top of the configure page says every reason shoppers do not see the method at checkout right
/// now, each with a link to where it is fixed, from the settings saved for the store scope.
/// </summary>
public class CheckoutReasonsTests
{
    private const string Prefix = "Plugins.Payments.QfPayAlipay.Configure.Checkout.";

    private PerStoreSettingService _settings = null!;
    private Dictionary<string, Currency> _currencies = null!;

    [SetUp]
    public async Task SetUp()
    {
        _settings = new PerStoreSettingService();
        _currencies = new Dictionary<string, Currency>(StringComparer.OrdinalIgnoreCase)
        {
            ["HKD"] = new() { Id = 3, CurrencyCode = "HKD", Rate = 1m, Published = true },
            ["CNY"] = new() { Id = 4, CurrencyCode = "CNY", Rate = 0.92m, Published = true },
        };
        await _settings.SaveSettingAsync(new PaymentSettings { ActivePaymentMethodSystemNames = ["Payments.CheckMoneyOrder", QfPayAlipayDefaults.SystemName] });
    }

    private Task SaveAsync(Action<QfPayAlipaySettings> change)
    {
        var settings = new QfPayAlipaySettings
        {
            AppCode = "A7F3C1D9E5B24F6A8C0D2E4F6A8B0C1D",
            ClientKey = "3D5F7A9C1E2B4D6F8A0C2E4B6D8F0A1C",
            PayType = QfPayPayType.AlipayHongKongWap,
            ChargeCurrency = "HKD",
        };
        change(settings);
        return _settings.SaveSettingAsync(settings);
    }

    private async Task<ConfigurationModel> OpenAsync()
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1, Url = "https://shop.example/" });
        var health = new Mock<IIntegrationHealthLog>();
        health.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(IntegrationHealthReport.Empty);
        var currencies = new Mock<ICurrencyService>();
        currencies.Setup(c => c.GetCurrencyByCodeAsync(It.IsAny<string>())).ReturnsAsync((string code) => _currencies.GetValueOrDefault(code)!);

        var factory = ConfigurePageFactory.Create(_settings, storeContext.Object, Mock.Of<IStoreService>(), health.Object, currencies: currencies.Object);
        return await factory.PrepareModelAsync(0);
    }

    private static string Text(string name, params object[] arguments) => string.Format(EnglishResources.Text(Prefix + name), arguments);

    [Test]
    public async Task A_store_that_is_set_up_shows_nothing_hidden_and_only_alipays_amount_limit()
    {
        await SaveAsync(static _ => { });

        var page = await OpenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.HiddenAtCheckoutBecause, Is.Empty);
            Assert.That(page.LimitedAtCheckoutBecause.Select(static r => r.Text), Is.EqualTo(new[] { Text("AmountLimit", "1,000,000", "HKD") }));
        });
    }

    [Test]
    public async Task An_unpublished_charge_currency_is_named_with_a_link_to_edit_that_currency()
    {
        await SaveAsync(static _ => { });
        _currencies["HKD"].Published = false;

        var reason = (await OpenAsync()).HiddenAtCheckoutBecause.Single();

        Assert.That((reason.Text, reason.FixText, reason.FixController, reason.FixAction, reason.FixId, reason.FixFieldId), Is.EqualTo(
            (Text("CurrencyNotPublished", "HKD"), EnglishResources.Text(Prefix + "Fix.PublishCurrency"), "Currency", "Edit", (int?)3, (string?)null)));
    }

    [Test]
    public async Task A_charge_currency_missing_from_the_store_links_to_the_currency_list()
    {
        await SaveAsync(static s => s.PayType = QfPayPayType.AlipayCrossBorderWap);
        _currencies.Remove("HKD");

        var reason = (await OpenAsync()).HiddenAtCheckoutBecause.Single();

        Assert.Multiple(() =>
        {
            Assert.That(reason.Text, Is.EqualTo(Text("CurrencyNotInStore", "HKD")));
            Assert.That((reason.FixController, reason.FixAction, reason.FixId), Is.EqualTo(("Currency", "List", (int?)null)));
        });
    }

    [Test]
    public async Task A_fresh_install_lists_every_reason_at_once_each_with_where_it_is_fixed()
    {
        await _settings.SaveSettingAsync(new QfPayAlipaySettings());
        await _settings.SaveSettingAsync(new PaymentSettings());
        _currencies["HKD"].Published = false;

        var reasons = (await OpenAsync()).HiddenAtCheckoutBecause;

        Assert.That(reasons.Select(static r => (r.Text, r.FixController ?? r.FixFieldId)), Is.EqualTo(new[]
        {
            (Text("NotActive"), "Payment"),
            (Text("NoAppCode"), nameof(ConfigurationModel.AppCode)),
            (Text("NoClientKey"), nameof(ConfigurationModel.ClientKey)),
            (Text("CurrencyNotPublished", "HKD"), "Currency"),
        }));
        Assert.That(reasons.Select(static r => r.FixText), Has.None.Null);
    }

    [Test]
    public async Task An_inactive_method_links_to_nopCommerces_payment_methods_page()
    {
        await SaveAsync(static _ => { });
        await _settings.SaveSettingAsync(new PaymentSettings { ActivePaymentMethodSystemNames = ["Payments.CheckMoneyOrder"] });

        var reason = (await OpenAsync()).HiddenAtCheckoutBecause.Single();

        Assert.That((reason.Text, reason.FixController, reason.FixAction), Is.EqualTo((Text("NotActive"), "Payment", "Methods")));
    }

    [Test]
    public async Task AlipayHK_with_another_currency_points_at_the_charge_currency_field()
    {
        await SaveAsync(static s => s.ChargeCurrency = "CNY");

        var reason = (await OpenAsync()).HiddenAtCheckoutBecause.Single();

        Assert.That((reason.Text, reason.FixFieldId), Is.EqualTo((Text("AlipayHongKongNeedsHkd", "CNY"), nameof(ConfigurationModel.ChargeCurrency))));
    }

    [Test]
    public async Task Service_window_without_an_Alipay_app_is_hidden_and_otherwise_only_offered_inside_the_Alipay_app()
    {
        await SaveAsync(static s => s.PayType = QfPayPayType.AlipayServiceWindowH5);

        var page = await OpenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.HiddenAtCheckoutBecause.Select(static r => (r.Text, r.FixFieldId)),
                Is.EqualTo(new[] { (Text("ServiceWindowNotSetUp"), nameof(ConfigurationModel.AlipayAppId)) }));
            Assert.That(page.LimitedAtCheckoutBecause.Select(static r => r.Text), Has.Member(Text("OnlyInAlipayApp")));
        });
    }

    [Test]
    public async Task Hiding_on_desktops_is_a_limit_not_a_reason_the_method_is_hidden()
    {
        await SaveAsync(static s => s.HideOnDesktop = true);

        var page = await OpenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.HiddenAtCheckoutBecause, Is.Empty);
            Assert.That(page.LimitedAtCheckoutBecause.Select(static r => (r.Text, r.FixFieldId)),
                Has.Member((Text("HiddenOnDesktop"), nameof(ConfigurationModel.HideOnDesktop))));
        });
    }

    [Test]
    public async Task A_custom_environment_without_a_usable_url_names_what_is_wrong()
    {
        await SaveAsync(static s =>
        {
            s.Environment = QfPayEnvironment.Custom;
            s.CustomBaseUrl = "not a url";
        });

        var reason = (await OpenAsync()).HiddenAtCheckoutBecause.Single();

        Assert.Multiple(() =>
        {
            Assert.That(reason.Text, Does.StartWith(Text("InvalidConnection", "The custom QFPay base URL must be an absolute http(s) URL").TrimEnd('.')));
            Assert.That(reason.FixFieldId, Is.EqualTo(nameof(ConfigurationModel.EnvironmentId)));
        });
    }

    [TestCase(ConnectionTestOutcome.WrongKey, "Plugins.Payments.QfPayAlipay.TestConnection.WrongKey", nameof(ConfigurationModel.ClientKey))]
    [TestCase(ConnectionTestOutcome.UnknownAppCode, "Plugins.Payments.QfPayAlipay.TestConnection.UnknownAppCode", nameof(ConfigurationModel.AppCode))]
    [TestCase(ConnectionTestOutcome.Unreachable, "Plugins.Payments.QfPayAlipay.TestConnection.Timeout", nameof(ConfigurationModel.EnvironmentId))]
    [TestCase(ConnectionTestOutcome.NotConfigured, "Plugins.Payments.QfPayAlipay.TestConnection.MissingClientKey", nameof(ConfigurationModel.ClientKey))]
    [TestCase(ConnectionTestOutcome.NotConfigured, "Plugins.Payments.QfPayAlipay.TestConnection.MissingAppCode", nameof(ConfigurationModel.AppCode))]
    [TestCase(ConnectionTestOutcome.NotConfigured, "Plugins.Payments.QfPayAlipay.TestConnection.InvalidBaseUrl", nameof(ConfigurationModel.CustomBaseUrl))]
    [TestCase(ConnectionTestOutcome.OtherCode, "Plugins.Payments.QfPayAlipay.TestConnection.OtherCode", null)]
    [TestCase(ConnectionTestOutcome.CredentialsOk, "Plugins.Payments.QfPayAlipay.TestConnection.Ok", null)]
    public async Task Test_connection_links_a_failure_to_the_field_to_correct(ConnectionTestOutcome outcome, string messageKey, string? field)
    {
        var storeContext = new Mock<IStoreContext>();
        var factory = ConfigurePageFactory.Create(_settings, storeContext.Object, Mock.Of<IStoreService>(), Mock.Of<IIntegrationHealthLog>());

        var answer = await factory.PrepareConnectionTestAsync(new ConnectionTestResult(outcome, messageKey, []), "message");

        Assert.Multiple(() =>
        {
            Assert.That(answer.FixFieldId, Is.EqualTo(field));
            Assert.That(answer.FixText, field is null ? Is.Null : Is.EqualTo(EnglishResources.Text(Prefix + "Fix.ThisPage")));
        });
    }
}
