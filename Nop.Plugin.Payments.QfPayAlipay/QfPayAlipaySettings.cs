using Nop.Core.Configuration;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay;

/// <summary>
/// The plugin's settings; nopCommerce stores each property as "qfpayalipaysettings.&lt;property&gt;",
/// per store where the admin overrides it. Renaming a property orphans its stored value.
/// </summary>
public class QfPayAlipaySettings : ISettings
{
    /// <summary>Test (QFPay's Live Testing host), Production, or Custom (e.g. the local simulator).</summary>
    public QfPayEnvironment Environment { get; set; } = QfPayEnvironment.Test;

    /// <summary>Base URL used when <see cref="Environment"/> is Custom.</summary>
    public string? CustomBaseUrl { get; set; }

    /// <summary>QFPay's app_code, sent as X-QF-APPCODE.</summary>
    public string? AppCode { get; set; }

    /// <summary>QFPay's client_key: the signing secret. Never rendered, never logged.</summary>
    public string? ClientKey { get; set; }

    /// <summary>Only for merchants QFPay issued an mchid to; sent only when set (API.md §2.3).</summary>
    public string? MerchantId { get; set; }

    public AlipayPayType PayType { get; set; } = AlipayPayType.AlipayHk;

    public QfPaySignType SignType { get; set; } = QfPaySignType.Md5;

    /// <summary>ISO 4217 code of the currency QFPay charges in; the order total is converted to it.</summary>
    public string ChargeCurrency { get; set; } = "HKD";

    /// <summary>goods_name shown in the wallet; placeholders {OrderNumber} and {StoreName}.</summary>
    public string GoodsNameTemplate { get; set; } = "Order {OrderNumber}";

    /// <summary>Payment link lifetime in minutes (5-120); null leaves QFPay's default of 30.</summary>
    public int? PaymentExpiryMinutes { get; set; }

    public bool AdditionalFeePercentage { get; set; }

    public decimal AdditionalFee { get; set; }

    /// <summary>Writes diagnostic lines (never secrets) to the nopCommerce log.</summary>
    public bool DebugLogging { get; set; }
}
