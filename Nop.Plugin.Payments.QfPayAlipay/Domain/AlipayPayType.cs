namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>The QFPay pay types this plugin offers; the numbers are QFPay's pay_type codes (API.md §4.1).</summary>
public enum AlipayPayType
{
    /// <summary>Alipay Cross-Border WAP/H5, for Mainland China Alipay wallets.</summary>
    AlipayCrossBorder = 801107,

    /// <summary>AlipayHK WAP, for Hong Kong merchants; HKD only.</summary>
    AlipayHk = 801512,

    /// <summary>Alipay Service Window H5: only inside the Alipay app, needs the payer's openid.</summary>
    AlipayServiceWindow = 800107
}
