using Nop.Plugin.Payments.QfPayAlipay.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>What <see cref="BrowserClassifier"/> concluded about the shopper's browser.</summary>
/// <param name="Kind">Where the page is open; see <see cref="EffectiveKind"/> for routing.</param>
/// <param name="App">
/// The host app of a built-in browser. Also set for <see cref="BrowserKind.Desktop"/> when a desktop app
/// (WeChat for Windows) hosts the page, for logging; it needs no guidance there.
/// </param>
/// <param name="Wallet">Which Alipay app, when <see cref="Kind"/> is <see cref="BrowserKind.AlipayApp"/>.</param>
/// <param name="Platform">The operating system; client hints win over the User-Agent.</param>
/// <param name="IsMobile">
/// Known to run a phone or tablet system, i.e. a device where a wallet app can be installed. Android
/// tablets and iPads count, because what matters is whether the Alipay app can be there, not screen size.
/// False when unknown.
/// </param>
public sealed record BrowserClassification(
    BrowserKind Kind,
    InAppBrowserApp App,
    AlipayWallet Wallet,
    DevicePlatform Platform,
    bool IsMobile)
{
    public static BrowserClassification Unknown { get; } =
        new(BrowserKind.Unknown, InAppBrowserApp.None, AlipayWallet.None, DevicePlatform.Other, false);

    /// <summary>
    /// <see cref="Kind"/> with <see cref="BrowserKind.Unknown"/> resolved to the safe default, a system
    /// mobile browser (plain redirect to <c>pay_url</c>); the reasons are on <see cref="BrowserKind.Unknown"/>.
    /// </summary>
    public BrowserKind EffectiveKind => Kind == BrowserKind.Unknown ? BrowserKind.SystemMobileBrowser : Kind;

    /// <summary>Only here can pay type 800107 run: it needs Mainland Alipay's JSAPI <c>tradePay</c> (API.md §10.2).</summary>
    public bool IsInMainlandAlipayApp => Kind == BrowserKind.AlipayApp && Wallet == AlipayWallet.Alipay;

    /// <summary>Whether the host app is known to offer "Open in browser" from its menu; otherwise the page leads with "Copy link".</summary>
    public bool CanOpenInBrowserFromMenu => Kind == BrowserKind.InAppBrowser && InAppBrowserMenus.OffersOpenInBrowser(App);

    /// <summary>Locale resource key of the "leave this app" steps for the host app; null unless in an in-app browser.</summary>
    public string? GuidanceKey => Kind == BrowserKind.InAppBrowser ? ShopperGuidanceTexts.OpenInBrowserStepsKey(App) : null;
}
