using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Plugin.Payments.QfPayAlipay.Validators;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Validators;

public class ConfigurationValidatorTests
{
    private const string Prefix = "Plugins.Payments.QfPayAlipay.Validation.";

    private readonly ConfigurationValidator _validator = new(EnglishResources.Mock().Object);

    /// <summary>A complete, valid page for "all stores".</summary>
    private static ConfigurationModel Valid() => new()
    {
        ActiveStoreScopeConfiguration = 0,
        EnvironmentId = (int)QfPayEnvironment.Test,
        AppCode = "6C1E0B9A4F2D4E7B8A3C5D9E1F0A2B4C",
        ClientKey = "F3A1C9E7B2D84A6F9C0E1B5D7A3F2C8E",
        SignTypeId = (int)QfPaySignType.Md5,
        PayTypeId = (int)QfPayPayType.AlipayHongKongWap,
        ChargeCurrency = "HKD",
        GoodsNameTemplate = "Order {OrderNumber}",
        PaymentExpiryMinutes = 30,
        AdditionalFee = 0,
        ReconciliationIntervalMinutes = 10,
    };

    private string[] ErrorsFor(ConfigurationModel model, string property) =>
        [.. _validator.Validate(model).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];

    private static string Message(string name) => EnglishResources.Text(Prefix + name);

    [Test]
    public void A_complete_page_is_valid()
    {
        var result = _validator.Validate(Valid());

        Assert.That(result.Errors, Is.Empty, string.Join("; ", result.Errors));
    }

    [Test]
    public void A_fresh_store_without_any_credentials_may_still_be_saved()
    {
        var model = Valid() with { AppCode = null, ClientKey = null };

        Assert.That(_validator.Validate(model).IsValid, Is.True);
    }

    [Test]
    public void An_unknown_environment_is_refused()
    {
        var model = Valid() with { EnvironmentId = 7 };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.EnvironmentId)), Is.EqualTo(new[] { Message("Environment.Invalid") }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("127.0.0.1:5080")]
    [TestCase("ftp://127.0.0.1/")]
    [TestCase("/relative/path")]
    [TestCase("http://127.0.0.1:5080/?x=1")]
    public void The_custom_environment_needs_an_absolute_http_url_without_query(string? url)
    {
        var model = Valid() with { EnvironmentId = (int)QfPayEnvironment.Custom, CustomBaseUrl = url };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.CustomBaseUrl)), Is.EqualTo(new[] { Message("CustomBaseUrl.Invalid") }));
    }

    [Test]
    public void A_custom_url_is_not_checked_for_the_test_and_production_hosts()
    {
        var model = Valid() with { EnvironmentId = (int)QfPayEnvironment.Production, CustomBaseUrl = "not a url" };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.CustomBaseUrl)), Is.Empty);
    }

    [Test]
    public void The_app_code_is_required_when_a_key_is_typed()
    {
        var model = Valid() with { AppCode = " " };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.AppCode)), Is.EqualTo(new[] { Message("AppCode.Required") }));
    }

    [Test]
    public void The_app_code_is_required_when_a_key_is_already_stored()
    {
        var model = Valid() with { AppCode = null, ClientKey = null, ClientKeyStoredForScope = true };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.AppCode)), Is.EqualTo(new[] { Message("AppCode.Required") }));
    }

    [TestCase("6C1E0B9A 4F2D")]
    [TestCase("12345678901234567890123456789012345678901234567890123456789012345")]
    public void An_app_code_with_spaces_or_over_64_characters_is_refused(string appCode)
    {
        var model = Valid() with { AppCode = appCode };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.AppCode)), Is.EqualTo(new[] { Message("AppCode.Invalid") }));
    }

    [Test]
    public void The_key_is_required_with_an_app_code_when_none_is_stored()
    {
        var model = Valid() with { ClientKey = "", ClientKeyStoredForScope = false };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ClientKey)), Is.EqualTo(new[] { Message("ClientKey.Required") }));
    }

    [Test]
    public void A_blank_key_box_is_fine_when_a_key_is_stored_because_it_keeps_that_key()
    {
        var model = Valid() with { ClientKey = null, ClientKeyStoredForScope = true };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ClientKey)), Is.Empty);
    }

    [TestCase("F3A1C9E7 B2D84A6F")]
    public void A_key_with_spaces_inside_is_refused(string key)
    {
        var model = Valid() with { ClientKey = key };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ClientKey)), Is.EqualTo(new[] { Message("ClientKey.Invalid") }));
    }

    [Test]
    public void A_key_over_128_characters_is_refused()
    {
        var model = Valid() with { ClientKey = new string('A', ConfigurationValidator.ClientKeyMaxLength + 1) };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ClientKey)), Is.EqualTo(new[] { Message("ClientKey.Invalid") }));
    }

    [Test]
    public void The_key_message_never_quotes_the_key()
    {
        const string key = "SECRET-WITH SPACE";
        var model = Valid() with { ClientKey = key };

        Assert.That(_validator.Validate(model).Errors.Select(e => e.ErrorMessage), Has.None.Contains("SECRET"));
    }

    [TestCase(true, false, false)]
    [TestCase(false, true, false)]
    [TestCase(false, false, true)]
    [TestCase(true, true, false)]
    public void In_a_store_scope_environment_app_code_and_key_are_overridden_together(bool environment, bool appCode, bool key)
    {
        var model = Valid() with
        {
            ActiveStoreScopeConfiguration = 2,
            EnvironmentId_OverrideForStore = environment,
            AppCode_OverrideForStore = appCode,
            ClientKey_OverrideForStore = key,
        };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ClientKey_OverrideForStore)),
            Is.EqualTo(new[] { Message("Credentials.OverrideTogether") }));
    }

    [Test]
    public void A_store_with_its_own_custom_environment_needs_its_own_custom_url_too()
    {
        var model = Valid() with
        {
            ActiveStoreScopeConfiguration = 2,
            EnvironmentId = (int)QfPayEnvironment.Custom,
            EnvironmentId_OverrideForStore = true,
            AppCode_OverrideForStore = true,
            ClientKey_OverrideForStore = true,
            CustomBaseUrl_OverrideForStore = false,
        };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ClientKey_OverrideForStore)),
            Is.EqualTo(new[] { Message("Credentials.OverrideTogether") }));
    }

    [Test]
    public void In_a_store_scope_fields_that_are_not_overridden_are_not_checked()
    {
        // Their inputs are disabled, so nothing is posted for them: empty values are expected.
        var model = new ConfigurationModel { ActiveStoreScopeConfiguration = 2, DebugLogging_OverrideForStore = true, DebugLogging = true };

        var result = _validator.Validate(model);

        Assert.That(result.Errors, Is.Empty, string.Join("; ", result.Errors));
    }

    [TestCase("ZaMVg 12345")]
    [TestCase("ZaMVg1234567890AB")]
    public void An_mchid_with_spaces_or_over_16_characters_is_refused(string mchid)
    {
        var model = Valid() with { MerchantId = mchid };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.MerchantId)), Is.EqualTo(new[] { Message("MerchantId.Invalid") }));
    }

    [Test]
    public void An_unknown_signature_type_is_refused()
    {
        var model = Valid() with { SignTypeId = 9 };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.SignTypeId)), Is.EqualTo(new[] { Message("SignType.Invalid") }));
    }

    [Test]
    public void A_pay_type_the_plugin_does_not_support_is_refused()
    {
        var model = Valid() with { PayTypeId = 800101 };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.PayTypeId)), Is.EqualTo(new[] { Message("PayType.Invalid") }));
    }

    [TestCase("XYZ")]
    [TestCase("HK")]
    [TestCase("")]
    [TestCase(null)]
    public void A_currency_qfpay_does_not_accept_is_refused_with_the_list_of_those_it_does(string? currency)
    {
        var model = Valid() with { PayTypeId = (int)QfPayPayType.AlipayCrossBorderWap, ChargeCurrency = currency };

        var expected = string.Format(Message("ChargeCurrency.Unsupported"), string.Join(", ", MinorUnits.SupportedCurrencies.Order(StringComparer.Ordinal)));
        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ChargeCurrency)), Is.EqualTo(new[] { expected }));
        Assert.That(expected, Does.Contain("HKD, IDR, JPY"));
    }

    [Test]
    public void A_currency_is_accepted_in_any_letter_case()
    {
        var model = Valid() with { ChargeCurrency = " hkd " };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ChargeCurrency)), Is.Empty);
    }

    [Test]
    public void AlipayHK_charges_in_HKD_only()
    {
        var model = Valid() with { PayTypeId = (int)QfPayPayType.AlipayHongKongWap, ChargeCurrency = "CNY" };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ChargeCurrency)), Is.EqualTo(new[] { Message("ChargeCurrency.HkdOnly") }));
    }

    [Test]
    public void Cross_border_Alipay_may_charge_in_another_currency()
    {
        var model = Valid() with { PayTypeId = (int)QfPayPayType.AlipayCrossBorderWap, ChargeCurrency = "CNY" };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ChargeCurrency)), Is.Empty);
    }

    [TestCase(null)]
    [TestCase("  ")]
    public void The_goods_name_cannot_be_empty(string? template)
    {
        var model = Valid() with { GoodsNameTemplate = template };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.GoodsNameTemplate)), Is.EqualTo(new[] { Message("GoodsNameTemplate.Required") }));
    }

    [Test]
    public void The_goods_name_template_has_at_most_100_characters()
    {
        var model = Valid() with { GoodsNameTemplate = new string('x', ConfigurationValidator.GoodsNameTemplateMaxLength + 1) };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.GoodsNameTemplate)), Is.EqualTo(new[] { Message("GoodsNameTemplate.TooLong") }));
    }

    [TestCase(4)]
    [TestCase(121)]
    [TestCase(0)]
    [TestCase(-5)]
    public void The_payment_link_expiry_is_5_to_120_minutes(int minutes)
    {
        var model = Valid() with { PaymentExpiryMinutes = minutes };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.PaymentExpiryMinutes)), Is.EqualTo(new[] { Message("PaymentExpiryMinutes.Range") }));
    }

    [TestCase(5)]
    [TestCase(120)]
    [TestCase(null)]
    public void The_payment_link_expiry_may_be_at_the_limits_or_empty(int? minutes)
    {
        var model = Valid() with { PaymentExpiryMinutes = minutes };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.PaymentExpiryMinutes)), Is.Empty);
    }

    [Test]
    public void The_service_window_pay_type_takes_no_expiry()
    {
        var model = Valid() with { PayTypeId = (int)QfPayPayType.AlipayServiceWindowH5, PaymentExpiryMinutes = 30 };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.PaymentExpiryMinutes)),
            Is.EqualTo(new[] { Message("PaymentExpiryMinutes.NotForServiceWindow") }));
    }

    [Test]
    public void The_additional_fee_cannot_be_negative()
    {
        var model = Valid() with { AdditionalFee = -0.01m };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.AdditionalFee)), Is.EqualTo(new[] { Message("AdditionalFee.Negative") }));
    }

    [Test]
    public void A_percentage_fee_is_at_most_100()
    {
        var model = Valid() with { AdditionalFee = 100.5m, AdditionalFeePercentage = true };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.AdditionalFee)), Is.EqualTo(new[] { Message("AdditionalFee.PercentageTooHigh") }));
    }

    [Test]
    public void A_fixed_fee_may_be_over_100()
    {
        var model = Valid() with { AdditionalFee = 250m, AdditionalFeePercentage = false };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.AdditionalFee)), Is.Empty);
    }

    [TestCase(4)]
    [TestCase(1441)]
    public void The_reconciliation_interval_is_5_to_1440_minutes(int minutes)
    {
        var model = Valid() with { ReconciliationIntervalMinutes = minutes };

        Assert.That(ErrorsFor(model, nameof(ConfigurationModel.ReconciliationIntervalMinutes)),
            Is.EqualTo(new[] { Message("ReconciliationIntervalMinutes.Range") }));
    }
}
