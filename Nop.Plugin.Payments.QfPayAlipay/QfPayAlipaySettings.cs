using Nop.Core.Configuration;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay;

/// <summary>
/// The plugin's settings; nopCommerce stores each property as "qfpayalipaysettings.&lt;property&gt;",
/// per store where the admin overrides it. Renaming a property orphans its stored value.
/// </summary>
/// <remarks>
/// Every property is listed once in <see cref="Services.Lifecycle.SettingFields"/>, which the installer's
/// upgrade step and a convention test use; a new property belongs there too, and on the configure page.
/// </remarks>
public class QfPayAlipaySettings : ISettings
{
    public const int DefaultReconciliationIntervalMinutes = 10;

    /// <summary>Test (QFPay's Live Testing host), Production, or Custom (e.g. the local simulator).</summary>
    public QfPayEnvironment Environment { get; set; } = QfPayEnvironment.Test;

    /// <summary>Base URL used when <see cref="Environment"/> is Custom.</summary>
    public string? CustomBaseUrl { get; set; }

    /// <summary>QFPay's app_code, sent as X-QF-APPCODE.</summary>
    public string? AppCode { get; set; }

    /// <summary>QFPay's client_key: the signing secret. Never rendered, never logged.</summary>
    public string? ClientKey { get; set; }

    /// <summary>Only for merchants QFPay issued an mchid to; sent only when set (docs/qfpay-protocol.md §2.3).</summary>
    public string? MerchantId { get; set; }

    /// <summary>801512 (AlipayHK, HKD only) by default: the plugin is aimed at Hong Kong merchants (docs/qfpay-protocol.md §9.2).</summary>
    public QfPayPayType PayType { get; set; } = QfPayPayType.AlipayHongKongWap;

    public QfPaySignType SignType { get; set; } = QfPaySignType.Md5;

    /// <summary>ISO 4217 code of the currency QFPay charges in; the order total is converted to it.</summary>
    public string ChargeCurrency { get; set; } = "HKD";

    /// <summary>goods_name shown in the wallet; placeholder {OrderNumber}.</summary>
    public string GoodsNameTemplate { get; set; } = GoodsName.DefaultTemplate;

    /// <summary>Payment link lifetime in minutes (5-120); null leaves QFPay's default of 30.</summary>
    public int? PaymentExpiryMinutes { get; set; }

    /// <summary>Sends limit_pay=no_credit: the shopper cannot fund the payment by credit card (Mainland wallets only, docs/qfpay-protocol.md §4.2).</summary>
    public bool LimitPayNoCredit { get; set; }

    public bool AdditionalFeePercentage { get; set; }

    public decimal AdditionalFee { get; set; }

    /// <summary>Writes diagnostic lines (never secrets) to the nopCommerce log.</summary>
    public bool DebugLogging { get; set; }

    /// <summary>How often, at most, the reconciliation task queries QFPay about this store's pending orders.</summary>
    public int ReconciliationIntervalMinutes { get; set; } = DefaultReconciliationIntervalMinutes;

    /// <summary>
    /// Hides the method from desktop browsers instead of offering them a QR code to scan with a phone (issue #7).
    /// Off by default: the QR page works, and the method stays offered where the browser cannot be told apart.
    /// </summary>
    public bool HideOnDesktop { get; set; }

    /// <summary>Cancels pending orders whose payment link expired unpaid (checked with a query first). Off by default.</summary>
    public bool AutoCancelExpiredOrders { get; set; }

    /// <summary>800107 only: the store's Alipay open-platform app id (docs/qfpay-protocol.md §10.2). Blank keeps 800107 hidden.</summary>
    public string? AlipayAppId { get; set; }

    /// <summary>
    /// 800107 only: the Alipay app's RSA2 private key. A secret like <see cref="ClientKey"/>: write-only on the admin
    /// page, never logged or rendered.
    /// </summary>
    public string? AlipayAppPrivateKey { get; set; }

    /// <summary>800107 only: the public key Alipay shows for the app; verifies Alipay's token answers.</summary>
    public string? AlipayPublicKey { get; set; }

    /// <summary>Alipay's open-platform gateway; blank means production (a local simulator in tests).</summary>
    public string? AlipayGatewayUrl { get; set; }

    /// <summary>Alipay's authorisation page; blank means production (a local simulator in tests).</summary>
    public string? AlipayAuthorizeUrl { get; set; }
}
