namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Which Alipay app hosts the page. They are different wallets with different open platforms: pay type
/// 800107 needs the Mainland Alipay app and its <c>auth_base</c> user id (API.md §4.1, §10).
/// </summary>
public enum AlipayWallet
{
    None = 0,

    /// <summary>Mainland Alipay (<c>AlipayClient/</c>, <c>AliApp(AP/</c>).</summary>
    Alipay,

    /// <summary>AlipayHK (<c>AlipayClientHK/</c>).</summary>
    AlipayHK,
}
