namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Where the shopper opened the shop, as far as the payment flow cares (issue #7): the WAP/H5 jump to the
/// Alipay app works from a system browser, is often blocked in social apps' built-in browsers
/// (API.md §4.8, §11 item 16), has no wallet to reach on a desktop, and pay type 800107 works only
/// inside the Alipay app (§10.2).
/// </summary>
public enum BrowserKind
{
    /// <summary>
    /// Nothing usable was sent (empty User-Agent), a crawler, or a string no browser sends.
    /// Callers should route it like <see cref="SystemMobileBrowser"/> (see
    /// <see cref="BrowserClassification.EffectiveKind"/>): a plain redirect to <c>pay_url</c> is the flow
    /// QFPay documents for WAP (§4.8), it is what the plugin did before #7, and a desktop that lands there
    /// still sees Alipay's own page, whereas a QR page shown on a phone would dead-end the shopper.
    /// 800107 must never be offered on this guess.
    /// </summary>
    Unknown = 0,

    /// <summary>Safari, Chrome, Samsung Internet, Firefox, vendor browsers: the Alipay app can be opened from here.</summary>
    SystemMobileBrowser,

    /// <summary>A social or messaging app's built-in browser (see <see cref="InAppBrowserApp"/>): tell the shopper to leave it.</summary>
    InAppBrowser,

    /// <summary>The Alipay or AlipayHK app's own web view (see <see cref="AlipayWallet"/>).</summary>
    AlipayApp,

    /// <summary>
    /// A desktop or laptop, including a desktop app's built-in browser (WeChat for Windows): no wallet app
    /// here, and a QR code for the phone works from any desktop view, so no "leave this app" step is needed.
    /// </summary>
    Desktop,
}
