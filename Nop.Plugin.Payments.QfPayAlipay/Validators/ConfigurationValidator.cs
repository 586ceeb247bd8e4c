using System.Globalization;
using FluentValidation;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Payments.QfPayAlipay.Validators;

/// <summary>
/// Checks the configure page before anything is saved. In a store scope a field whose override box is not ticked
/// is not posted (its input is disabled) and keeps the shared value, so it is not checked here.
/// </summary>
public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public const int AppCodeMaxLength = 64;
    public const int ClientKeyMaxLength = 128;
    public const int MerchantIdMaxLength = 16;
    public const int GoodsNameTemplateMaxLength = 100;
    public const int MinReconciliationIntervalMinutes = 5;
    public const int MaxReconciliationIntervalMinutes = 1440;

    private readonly ILocalizationService _localizationService;

    public ConfigurationValidator(ILocalizationService localizationService)
    {
        _localizationService = localizationService;

        // Connection
        RuleFor(m => m.EnvironmentId)
            .Must(id => Enum.IsDefined(typeof(QfPayEnvironment), id))
            .When(m => Editing(m, m.EnvironmentId_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.Environment.Invalid"));

        RuleFor(m => m.CustomBaseUrl)
            .Must(url => QfPayEndpoints.CheckCustom(url).IsValid)
            .When(m => m.EnvironmentId == (int)QfPayEnvironment.Custom && Editing(m, m.CustomBaseUrl_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.CustomBaseUrl.Invalid"));

        // Credentials come in pairs: a key without its app code (or the reverse) can only fail with 1106/1108.
        RuleFor(m => m.AppCode)
            .NotEmpty()
            .When(m => Editing(m, m.AppCode_OverrideForStore) && (HasText(m.ClientKey) || m.ClientKeyStoredForScope))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.AppCode.Required"));

        RuleFor(m => m.AppCode)
            .Must(code => code!.Trim().Length <= AppCodeMaxLength && !code.Trim().Any(char.IsWhiteSpace))
            .When(m => Editing(m, m.AppCode_OverrideForStore) && HasText(m.AppCode))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.AppCode.Invalid"));

        RuleFor(m => m.ClientKey)
            .NotEmpty()
            .When(m => Editing(m, m.ClientKey_OverrideForStore) && HasText(m.AppCode) && !m.ClientKeyStoredForScope)
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.ClientKey.Required"));

        RuleFor(m => m.ClientKey)
            .Must(key => key!.Trim().Length <= ClientKeyMaxLength && !key.Trim().Any(char.IsWhiteSpace))
            .When(m => Editing(m, m.ClientKey_OverrideForStore) && HasText(m.ClientKey))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.ClientKey.Invalid"));

        // A store with its own key but the shared environment (or the reverse) would sign test requests with
        // production credentials, or one merchant's app code with another's key.
        RuleFor(m => m.ClientKey_OverrideForStore)
            .Must((m, _) => CredentialsOverriddenTogether(m))
            .When(m => m.ActiveStoreScopeConfiguration > 0)
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.Credentials.OverrideTogether"));

        RuleFor(m => m.MerchantId)
            .Must(id => id!.Trim().Length <= MerchantIdMaxLength && !id.Trim().Any(char.IsWhiteSpace))
            .When(m => Editing(m, m.MerchantId_OverrideForStore) && HasText(m.MerchantId))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.MerchantId.Invalid"));

        RuleFor(m => m.SignTypeId)
            .Must(id => Enum.IsDefined(typeof(QfPaySignType), id))
            .When(m => Editing(m, m.SignTypeId_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.SignType.Invalid"));

        // Alipay Service Window (800107): checked as a whole when a private key is typed (the stored one never comes
        // back to the page); the problem describes keys without quoting them (AlipayOpenApp.Validate).
        RuleFor(m => m.AlipayAppPrivateKey)
            .Must((m, _) => AlipayAppProblem(m) is null)
            .When(m => Editing(m, m.AlipayAppPrivateKey_OverrideForStore) && HasText(m.AlipayAppPrivateKey))
            .WithMessage(m => string.Format(Text(ServiceWindowResources.InvalidApp.Key), AlipayAppProblem(m)));

        RuleFor(m => m.AlipayAppPrivateKey)
            .NotEmpty()
            .When(m => Editing(m, m.AlipayAppPrivateKey_OverrideForStore) && HasText(m.AlipayAppId) && !m.AlipayAppPrivateKeyStoredForScope)
            .WithMessage(m => string.Format(Text(ServiceWindowResources.InvalidApp.Key), "The Alipay app private key is not configured."));

        RuleFor(m => m.AlipayPublicKey)
            .NotEmpty()
            .When(m => Editing(m, m.AlipayPublicKey_OverrideForStore) && HasText(m.AlipayAppId))
            .WithMessage(m => string.Format(Text(ServiceWindowResources.InvalidApp.Key), "The Alipay public key is not configured."));

        // Payment
        RuleFor(m => m.PayTypeId)
            .Must(id => Enum.IsDefined(typeof(QfPayPayType), id))
            .When(m => Editing(m, m.PayTypeId_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.PayType.Invalid"));

        RuleFor(m => m.ChargeCurrency)
            .Must(code => MinorUnits.ExponentOf(code).IsValid)
            .When(m => Editing(m, m.ChargeCurrency_OverrideForStore))
            .WithMessage(_ => string.Format(CultureInfo.InvariantCulture,
                Text("Plugins.Payments.QfPayAlipay.Validation.ChargeCurrency.Unsupported"),
                string.Join(", ", MinorUnits.SupportedCurrencies.Order(StringComparer.Ordinal))));

        // AlipayHK's own API accepts only HKD (docs/qfpay-protocol.md §9.2).
        RuleFor(m => m.ChargeCurrency)
            .Must(code => MinorUnits.NormalizeCurrency(code) == "HKD")
            .When(m => m.PayTypeId == (int)QfPayPayType.AlipayHongKongWap
                && Editing(m, m.ChargeCurrency_OverrideForStore) && Editing(m, m.PayTypeId_OverrideForStore)
                && MinorUnits.ExponentOf(m.ChargeCurrency).IsValid)
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.ChargeCurrency.HkdOnly"));

        RuleFor(m => m.GoodsNameTemplate)
            .NotEmpty()
            .When(m => Editing(m, m.GoodsNameTemplate_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.GoodsNameTemplate.Required"));

        RuleFor(m => m.GoodsNameTemplate)
            .Must(template => template!.Trim().Length <= GoodsNameTemplateMaxLength)
            .When(m => Editing(m, m.GoodsNameTemplate_OverrideForStore) && HasText(m.GoodsNameTemplate))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.GoodsNameTemplate.TooLong"));

        RuleFor(m => m.PaymentExpiryMinutes)
            .InclusiveBetween(PaymentRequest.MinExpiresInMinutes, PaymentRequest.MaxExpiresInMinutes)
            .When(m => Editing(m, m.PaymentExpiryMinutes_OverrideForStore) && m.PaymentExpiryMinutes is not null)
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.PaymentExpiryMinutes.Range"));

        // expired_time is not a parameter of 800107 (docs/qfpay-protocol.md §4.2).
        RuleFor(m => m.PaymentExpiryMinutes)
            .Null()
            .When(m => m.PayTypeId == (int)QfPayPayType.AlipayServiceWindowH5
                && Editing(m, m.PaymentExpiryMinutes_OverrideForStore) && Editing(m, m.PayTypeId_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.PaymentExpiryMinutes.NotForServiceWindow"));

        RuleFor(m => m.AdditionalFee)
            .GreaterThanOrEqualTo(0)
            .When(m => Editing(m, m.AdditionalFee_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.AdditionalFee.Negative"));

        RuleFor(m => m.AdditionalFee)
            .LessThanOrEqualTo(100)
            .When(m => Editing(m, m.AdditionalFee_OverrideForStore) && m.AdditionalFeePercentage)
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.AdditionalFee.PercentageTooHigh"));

        // Reconciliation
        RuleFor(m => m.ReconciliationIntervalMinutes)
            .InclusiveBetween(MinReconciliationIntervalMinutes, MaxReconciliationIntervalMinutes)
            .When(m => Editing(m, m.ReconciliationIntervalMinutes_OverrideForStore))
            .WithMessage(_ => Text("Plugins.Payments.QfPayAlipay.Validation.ReconciliationIntervalMinutes.Range"));
    }

    private static string? AlipayAppProblem(ConfigurationModel m)
    {
        var settings = new QfPayAlipaySettings
        {
            AlipayAppId = m.AlipayAppId,
            AlipayAppPrivateKey = m.AlipayAppPrivateKey,
            AlipayPublicKey = m.AlipayPublicKey,
            AlipayGatewayUrl = m.AlipayGatewayUrl,
            AlipayAuthorizeUrl = m.AlipayAuthorizeUrl,
        };
        return AlipayAppSettings.TryRead(settings, out var problem) is null ? problem : null;
    }

    private static bool Editing(ConfigurationModel model, bool overrideForStore) =>
        model.ActiveStoreScopeConfiguration == 0 || overrideForStore;

    private static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool CredentialsOverriddenTogether(ConfigurationModel m) =>
        m.EnvironmentId_OverrideForStore == m.AppCode_OverrideForStore
        && m.AppCode_OverrideForStore == m.ClientKey_OverrideForStore
        && (!m.EnvironmentId_OverrideForStore || m.EnvironmentId != (int)QfPayEnvironment.Custom || m.CustomBaseUrl_OverrideForStore);

    // FluentValidation 11 builds messages synchronously; nopCommerce's own WithMessageAwait blocks the same way.
    // The lambda runs only when a rule fails, and the resources come from nopCommerce's cache.
    private string Text(string resourceKey) => _localizationService.GetResourceAsync(resourceKey).GetAwaiter().GetResult();
}
