using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>
/// The configure page. Every setting has an <c>X_OverrideForStore</c> twin (nopCommerce's multi-store
/// convention, docs/nopcommerce.md §3). The client key is write-only: <see cref="ClientKey"/> only ever carries what
/// the admin just typed and is emptied before the page is rendered; the page shows <see cref="ClientKeyMask"/>.
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    // Connection

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.Environment")]
    public int EnvironmentId { get; set; }
    public bool EnvironmentId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.CustomBaseUrl")]
    public string? CustomBaseUrl { get; set; }
    public bool CustomBaseUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AppCode")]
    public string? AppCode { get; set; }
    public bool AppCode_OverrideForStore { get; set; }

    /// <summary>A new key typed by the admin; blank keeps the stored one. Never filled from the settings.</summary>
    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.ClientKey")]
    [DataType(DataType.Password)]
    public string? ClientKey { get; set; }
    public bool ClientKey_OverrideForStore { get; set; }

    /// <summary>"•••• 2C8E" for the key in effect in this scope, or null when there is none.</summary>
    [BindNever]
    public string? ClientKeyMask { get; set; }

    /// <summary>Whether this scope has a key of its own, so that a blank box can keep it (posted back for validation).</summary>
    public bool ClientKeyStoredForScope { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.MerchantId")]
    public string? MerchantId { get; set; }
    public bool MerchantId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.SignType")]
    public int SignTypeId { get; set; }
    public bool SignTypeId_OverrideForStore { get; set; }

    // Payment

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.PayType")]
    public int PayTypeId { get; set; }
    public bool PayTypeId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.ChargeCurrency")]
    public string? ChargeCurrency { get; set; }
    public bool ChargeCurrency_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.GoodsNameTemplate")]
    public string? GoodsNameTemplate { get; set; }
    public bool GoodsNameTemplate_OverrideForStore { get; set; }

    /// <summary>Blank means QFPay's default; 800107 requires it blank.</summary>
    /// <remarks>
    /// nopCommerce's admin editor looks templates up by the underlying type, so an int? falls to its Int32 template,
    /// whose non-nullable model makes MVC emit data-val-required ("The Int32 field is required.") and the browser
    /// refuses a blank box. The hint selects its Int32Nullable template, which keeps this property's metadata.
    /// </remarks>
    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.PaymentExpiryMinutes")]
    [UIHint(NopEditorTemplates.NullableInt32)]
    public int? PaymentExpiryMinutes { get; set; }
    public bool PaymentExpiryMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.LimitPayNoCredit")]
    public bool LimitPayNoCredit { get; set; }
    public bool LimitPayNoCredit_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AdditionalFee")]
    public decimal AdditionalFee { get; set; }
    public bool AdditionalFee_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AdditionalFeePercentage")]
    public bool AdditionalFeePercentage { get; set; }
    public bool AdditionalFeePercentage_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.HideOnDesktop")]
    public bool HideOnDesktop { get; set; }
    public bool HideOnDesktop_OverrideForStore { get; set; }

    // Alipay Service Window (800107): the store's Alipay open-platform app. All blank keeps 800107 hidden.

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AlipayAppId")]
    public string? AlipayAppId { get; set; }
    public bool AlipayAppId_OverrideForStore { get; set; }

    /// <summary>Write-only like <see cref="ClientKey"/>: what was typed, never what is stored.</summary>
    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AlipayAppPrivateKey")]
    [DataType(DataType.Password)]
    public string? AlipayAppPrivateKey { get; set; }
    public bool AlipayAppPrivateKey_OverrideForStore { get; set; }

    /// <summary>Whether this scope holds its own private key, so a blank box keeps it (and the validator knows).</summary>
    public bool AlipayAppPrivateKeyStoredForScope { get; set; }

    /// <summary>Whether the effective settings have a private key at all; the page says "stored", never any part of it.</summary>
    [BindNever]
    public bool AlipayAppPrivateKeyPresent { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AlipayPublicKey")]
    public string? AlipayPublicKey { get; set; }
    public bool AlipayPublicKey_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AlipayGatewayUrl")]
    public string? AlipayGatewayUrl { get; set; }
    public bool AlipayGatewayUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AlipayAuthorizeUrl")]
    public string? AlipayAuthorizeUrl { get; set; }
    public bool AlipayAuthorizeUrl_OverrideForStore { get; set; }

    /// <summary>The redirect_uri to register for the Alipay app.</summary>
    [BindNever]
    public string? AlipayCallbackUrl { get; set; }

    // Notifications, reconciliation, diagnostics

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.ReconciliationIntervalMinutes")]
    public int ReconciliationIntervalMinutes { get; set; }
    public bool ReconciliationIntervalMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.AutoCancelExpiredOrders")]
    public bool AutoCancelExpiredOrders { get; set; }
    public bool AutoCancelExpiredOrders_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.DebugLogging")]
    public bool DebugLogging { get; set; }
    public bool DebugLogging_OverrideForStore { get; set; }

    // Read-only parts of the page, prepared for display and never bound from the form.

    /// <summary>Where QFPay must post notifications for the store in scope; null when the store has no URL.</summary>
    [NopResourceDisplayName("Plugins.Payments.QfPayAlipay.Fields.NotificationUrl")]
    [BindNever]
    public string? NotificationUrl { get; set; }

    /// <summary>Why QFPay could not deliver to <see cref="NotificationUrl"/> (translated); empty when nothing is seen wrong.</summary>
    [BindNever]
    public IList<string> NotificationUrlProblems { get; set; } = [];

    /// <summary>"Register this exact URL with QFPay for app code ..." with the app code in effect.</summary>
    [BindNever]
    public string? NotificationUrlRegistration { get; set; }

    [BindNever]
    public IList<SelectListItem> AvailableEnvironments { get; set; } = [];

    [BindNever]
    public IList<SelectListItem> AvailableSignTypes { get; set; } = [];

    [BindNever]
    public IList<SelectListItem> AvailablePayTypes { get; set; } = [];

    [BindNever]
    public IList<SelectListItem> AvailableCurrencies { get; set; } = [];

    /// <summary>Why no shopper sees the method at checkout with the settings saved for this scope; empty when it is offered.</summary>
    [BindNever]
    public IList<CheckoutReasonModel> HiddenAtCheckoutBecause { get; set; } = [];

    /// <summary>What keeps the method from some shoppers or orders although it is offered.</summary>
    [BindNever]
    public IList<CheckoutReasonModel> LimitedAtCheckoutBecause { get; set; } = [];

    /// <summary>The answer to the last "Test connection", shown next to the button.</summary>
    [BindNever]
    public ConnectionTestModel? ConnectionTest { get; set; }

    [BindNever]
    public HealthModel Health { get; set; } = new();

    /// <summary>
    /// A record prints every property by default, the typed key included; this one never does, so the model is
    /// safe in a log line or an exception message.
    /// </summary>
    public override string ToString() =>
        $"{nameof(ConfigurationModel)} {{ ActiveStoreScopeConfiguration = {ActiveStoreScopeConfiguration}, AppCode = {AppCode}, " +
        $"ClientKey = {(string.IsNullOrEmpty(ClientKey) ? "(blank)" : "[redacted]")}, ClientKeyMask = {ClientKeyMask}, " +
        $"AlipayAppId = {AlipayAppId}, AlipayAppPrivateKey = {(string.IsNullOrEmpty(AlipayAppPrivateKey) ? "(blank)" : "[redacted]")} }}";
}

/// <summary>
/// Names of nopCommerce 4.90's admin editor templates (Areas/Admin/Views/Shared/EditorTemplates) that a model property
/// must ask for by name, because the lookup by type would pick another one.
/// </summary>
public static class NopEditorTemplates
{
    /// <summary>Int32Nullable.cshtml: a number box whose model is int?, so a blank value is not "required".</summary>
    public const string NullableInt32 = "Int32Nullable";
}

/// <summary>
/// One reason on the configure page why shoppers do not see the method (or why some of them do not), with a link to
/// where it is fixed: another admin page (<see cref="FixController"/>/<see cref="FixAction"/>) or a field of this page
/// (<see cref="FixFieldId"/>).
/// </summary>
public record CheckoutReasonModel : BaseNopModel
{
    public string Text { get; set; } = string.Empty;

    /// <summary>The link's text; null when there is nothing to fix (a limit of Alipay's).</summary>
    public string? FixText { get; set; }

    /// <summary>The admin area controller of the page where it is fixed, e.g. "Currency".</summary>
    public string? FixController { get; set; }

    public string? FixAction { get; set; }

    /// <summary>The route's id, e.g. the currency to edit.</summary>
    public int? FixId { get; set; }

    /// <summary>The id of the input on this page where it is fixed, e.g. "ChargeCurrency".</summary>
    public string? FixFieldId { get; set; }
}

/// <summary>The translated outcome of "Test connection".</summary>
public record ConnectionTestModel : BaseNopModel
{
    public bool Succeeded { get; set; }

    public string Message { get; set; } = string.Empty;

    /// <summary>The input on the configure page to correct after a failure, or null when nothing there can fix it.</summary>
    public string? FixFieldId { get; set; }

    public string? FixText { get; set; }
}
