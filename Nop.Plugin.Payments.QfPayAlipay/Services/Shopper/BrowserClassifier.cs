using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.QfPayAlipay.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Tells where the shopper opened the shop (issue #7) from the User-Agent and, where the browser sends
/// them, client hints. Pure: ordinal substring searches, no regular expressions (so a hostile header costs linear
/// time); and it never throws, because a header is attacker-controlled input.
/// </summary>
public static class BrowserClassifier
{
    /// <summary>
    /// Real UAs stay well under 1 KB even with long in-app suffixes; reading only this much bounds the cost
    /// of a hostile header.
    /// </summary>
    internal const int MaxUserAgentLength = 4096;

    /// <param name="userAgent">The <c>User-Agent</c> header; null or empty is fine.</param>
    /// <param name="clientHints">
    /// Request headers named in <see cref="ClientHintNames.Headers"/>, plus optionally
    /// <see cref="ClientHintNames.MaxTouchPoints"/>; other entries are ignored.
    /// </param>
    public static BrowserClassification Classify(string? userAgent, IReadOnlyDictionary<string, string>? clientHints = null)
    {
        var ua = userAgent is null
            ? string.Empty
            : (userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent).Trim();
        var hints = ClientHints.Read(clientHints);

        if (ua.Length == 0 && !hints.SayAnything)
            return BrowserClassification.Unknown;

        // The Alipay tokens are unambiguous and decide whether 800107 can run, so nothing may pre-empt them.
        var wallet = AlipayAppSignatures.Detect(ua);
        if (wallet == AlipayWallet.None && CrawlerSignatures.Matches(ua))
            return BrowserClassification.Unknown;

        var platform = ResolvePlatform(ua, hints);
        var isMobile = ResolveMobile(ua, platform, hints);

        if (wallet != AlipayWallet.None)
            return new(BrowserKind.AlipayApp, InAppBrowserApp.None, wallet, platform, IsMobile: true);

        // In-app tokens before the generic mobile test: these UAs also say "Mobile Safari".
        var app = InAppBrowserSignatures.Detect(ua);
        if (app == InAppBrowserApp.None && InAppBrowserSignatures.IsGenericWebView(ua, platform, hints.SaysAndroidWebView))
            app = InAppBrowserApp.Other;

        if (app != InAppBrowserApp.None)
        {
            // A desktop app's browser (WeChat for Windows/Mac) can show a QR code as well as any browser.
            // Elsewhere assume a phone: these apps live there, even when the UA names no system.
            return !isMobile && PlatformSignatures.IsDesktopSystem(platform)
                ? new(BrowserKind.Desktop, app, AlipayWallet.None, platform, IsMobile: false)
                : new(BrowserKind.InAppBrowser, app, AlipayWallet.None, platform, IsMobile: true);
        }

        if (isMobile)
            return new(BrowserKind.SystemMobileBrowser, InAppBrowserApp.None, AlipayWallet.None, platform, IsMobile: true);

        if (PlatformSignatures.IsDesktopSystem(platform)
            || PlatformSignatures.HasDesktopWindowSystem(ua)
            || hints.Mobile == false)
            return new(BrowserKind.Desktop, InAppBrowserApp.None, AlipayWallet.None, platform, IsMobile: false);

        return BrowserClassification.Unknown with { Platform = platform };
    }

    private static DevicePlatform ResolvePlatform(string ua, ClientHints hints)
    {
        var fromUa = PlatformSignatures.Detect(ua);

        if (hints.Platform is { } hinted)
        {
            // HarmonyOS 2–4 runs Android apps and Chromium reports it as "Android"; the UA is more precise.
            return hinted == DevicePlatform.Android && fromUa == DevicePlatform.HarmonyOS ? fromUa : hinted;
        }

        return fromUa == DevicePlatform.MacOS && PlatformSignatures.IsIPadPosingAsMac(ua, hints.MaxTouchPoints)
            ? DevicePlatform.IOS
            : fromUa;
    }

    private static bool ResolveMobile(string ua, DevicePlatform platform, ClientHints hints)
    {
        if (PlatformSignatures.IsMobileSystem(platform))
        {
            // Chrome on an Android tablet, or in "desktop site" mode, sends "?0", yet the Alipay app can be
            // on that device, which is what this flag is for.
            return true;
        }

        if (hints.Mobile is { } hinted)
            return hinted;

        return !PlatformSignatures.IsDesktopSystem(platform) && PlatformSignatures.HasMobileToken(ua);
    }
}

/// <summary>Classifies the browser behind a request from its User-Agent and the client hints it sent unasked.</summary>
public static class ShopperBrowser
{
    public static BrowserClassification Of(HttpRequest? request)
    {
        if (request is null)
            return BrowserClassification.Unknown;

        // Chromium sends these low-entropy hints on every HTTPS request without an Accept-CH opt-in; the others would
        // need the shop to ask for them first, which core's responses do not.
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ClientHintNames.Headers)
        {
            if (request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
                hints[name] = text;
        }

        return BrowserClassifier.Classify(request.Headers.UserAgent.ToString(), hints);
    }
}

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

    /// <summary>Only here can pay type 800107 run: it needs Mainland Alipay's JSAPI <c>tradePay</c> (docs/qfpay-protocol.md §10.2).</summary>
    public bool IsInMainlandAlipayApp => Kind == BrowserKind.AlipayApp && Wallet == AlipayWallet.Alipay;

    /// <summary>Whether the host app is known to offer "Open in browser" from its menu; otherwise the page leads with "Copy link".</summary>
    public bool CanOpenInBrowserFromMenu => Kind == BrowserKind.InAppBrowser && InAppBrowserMenus.OffersOpenInBrowser(App);

    /// <summary>Locale resource key of the "leave this app" steps for the host app; null unless in an in-app browser.</summary>
    public string? GuidanceKey => Kind == BrowserKind.InAppBrowser ? ShopperGuidanceTexts.OpenInBrowserStepsKey(App) : null;
}

/// <summary>
/// Where the shopper opened the shop, as far as the payment flow cares (issue #7): the WAP/H5 jump to the
/// Alipay app works from a system browser, is often blocked in social apps' built-in browsers
/// (docs/qfpay-protocol.md §4.8, §11 item 16), has no wallet to reach on a desktop, and pay type 800107 works only
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

/// <summary>
/// Which Alipay app hosts the page. They are different wallets with different open platforms: pay type
/// 800107 needs the Mainland Alipay app and its <c>auth_base</c> user id (docs/qfpay-protocol.md §4.1, §10).
/// </summary>
public enum AlipayWallet
{
    None = 0,

    /// <summary>Mainland Alipay (<c>AlipayClient/</c>, <c>AliApp(AP/</c>).</summary>
    Alipay,

    /// <summary>AlipayHK (<c>AlipayClientHK/</c>).</summary>
    AlipayHK,
}

/// <summary>The app whose built-in browser shows the shop, so the guidance can name that app's own menu steps.</summary>
public enum InAppBrowserApp
{
    /// <summary>Not inside a recognised app's browser.</summary>
    None = 0,

    /// <summary>WeChat (<c>MicroMessenger</c>), on phones and on the desktop.</summary>
    WeChat,

    /// <summary>WeCom, the enterprise WeChat (<c>wxwork</c>); its UA also says <c>MicroMessenger</c>.</summary>
    WeCom,

    /// <summary>Facebook and Messenger (<c>FBAN</c>, <c>FBAV</c>, <c>FB_IAB</c>, <c>MessengerForiOS</c>, <c>Orca-Android</c>).</summary>
    Facebook,

    Instagram,

    /// <summary>WhatsApp mostly hands links to the system browser; its own UA shows up when it does not.</summary>
    WhatsApp,

    Line,

    /// <summary>Telegram for Android's web view. Telegram for iOS uses Safari's view controller, which looks like Safari.</summary>
    Telegram,

    /// <summary>TikTok (<c>musical_ly</c>, <c>trill</c>), and any other ByteDance web view that is not Douyin.</summary>
    TikTok,

    /// <summary>Douyin, TikTok's mainland-China sibling (<c>aweme</c>).</summary>
    Douyin,

    Snapchat,

    /// <summary>X, formerly Twitter.</summary>
    Twitter,

    LinkedIn,

    Pinterest,

    Weibo,

    /// <summary>The QQ messenger's web view (<c>QQ/</c>), not the standalone QQ Browser (<c>MQQBrowser</c>), which is a system-like browser.</summary>
    QQ,

    DingTalk,

    /// <summary>Xiaohongshu, also called RED (<c>discover/</c>).</summary>
    Xiaohongshu,

    /// <summary>A web view of an app not listed here (Android <c>; wv)</c>, iOS WebKit without <c>Safari/</c>).</summary>
    Other,
}

/// <summary>The shopper's operating system. Names follow .NET's <c>OperatingSystem.IsIOS</c>/<c>IsMacOS</c>.</summary>
public enum DevicePlatform
{
    Other = 0,

    /// <summary>iOS and iPadOS.</summary>
    IOS,

    Android,

    /// <summary>HarmonyOS 2–4 (Android-compatible, says <c>HarmonyOS</c>) and HarmonyOS NEXT (<c>OpenHarmony</c>).</summary>
    HarmonyOS,

    Windows,

    MacOS,

    Linux,

    ChromeOS,
}

/// <summary>
/// Keys <see cref="BrowserClassifier"/> reads from its client-hints dictionary. The three <c>Sec-CH-UA*</c>
/// headers are Chromium's low-entropy hints, sent on every HTTPS request without <c>Accept-CH</c>, so a
/// caller just copies them from the request. Keys are matched case-insensitively (HTTP/2 lower-cases them).
/// </summary>
public static class ClientHintNames
{
    /// <summary><c>?1</c> mobile, <c>?0</c> not.</summary>
    public const string Mobile = "Sec-CH-UA-Mobile";

    /// <summary>A quoted string: <c>"Android"</c>, <c>"iOS"</c>, <c>"Windows"</c>, <c>"macOS"</c>, <c>"Linux"</c>, <c>"Chrome OS"</c>.</summary>
    public const string Platform = "Sec-CH-UA-Platform";

    /// <summary>The brand list; an Android web view says <c>"Android WebView"</c> in it.</summary>
    public const string Brands = "Sec-CH-UA";

    /// <summary>
    /// Not an HTTP header: <c>navigator.maxTouchPoints</c> as reported by a plugin page's own script,
    /// the only way to tell an iPad from a Mac when both send the same UA. Optional.
    /// </summary>
    public const string MaxTouchPoints = "Max-Touch-Points";

    /// <summary>The HTTP headers worth copying from the request.</summary>
    public static IReadOnlyList<string> Headers { get; } = [Mobile, Platform, Brands];
}

/// <summary>What the client hints say, each value null when absent or unreadable.</summary>
internal readonly record struct ClientHints(bool? Mobile, DevicePlatform? Platform, bool SaysAndroidWebView, int? MaxTouchPoints)
{
    public bool SayAnything => Mobile is not null || Platform is not null || SaysAndroidWebView;

    public static ClientHints Read(IReadOnlyDictionary<string, string>? hints)
    {
        if (hints is null || hints.Count == 0)
            return default;

        bool? mobile = null;
        DevicePlatform? platform = null;
        var androidWebView = false;
        int? touchPoints = null;

        // One pass instead of TryGetValue: the caller's dictionary may compare keys case-sensitively.
        foreach (var (key, value) in hints)
        {
            if (key is null || value is null)
                continue;

            if (key.Equals(ClientHintNames.Mobile, StringComparison.OrdinalIgnoreCase))
                mobile = ReadBoolean(value);
            else if (key.Equals(ClientHintNames.Platform, StringComparison.OrdinalIgnoreCase))
                platform = ReadPlatform(value);
            else if (key.Equals(ClientHintNames.Brands, StringComparison.OrdinalIgnoreCase))
                androidWebView = value.Contains("Android WebView", StringComparison.OrdinalIgnoreCase);
            else if (key.Equals(ClientHintNames.MaxTouchPoints, StringComparison.OrdinalIgnoreCase)
                     && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var points))
                touchPoints = points;
        }

        return new ClientHints(mobile, platform, androidWebView, touchPoints);
    }

    // Structured-field boolean (RFC 8941): "?1" or "?0".
    private static bool? ReadBoolean(string value) => value.Trim() switch
    {
        "?1" => true,
        "?0" => false,
        _ => null,
    };

    private static DevicePlatform? ReadPlatform(string value)
    {
        // Structured-field string: the quotes are part of the value; a proxy may have dropped them.
        var name = value.Trim().Trim('"').Trim();

        if (name.Length == 0 || Is(name, "Unknown"))
            return null;
        if (Is(name, "Android"))
            return DevicePlatform.Android;
        if (Is(name, "iOS"))
            return DevicePlatform.IOS;
        if (Is(name, "Windows"))
            return DevicePlatform.Windows;
        if (Is(name, "macOS"))
            return DevicePlatform.MacOS;
        if (Is(name, "Linux"))
            return DevicePlatform.Linux;
        if (Is(name, "Chrome OS") || Is(name, "Chromium OS") || Is(name, "ChromeOS"))
            return DevicePlatform.ChromeOS;
        if (Is(name, "HarmonyOS") || Is(name, "OpenHarmony"))
            return DevicePlatform.HarmonyOS;
        return DevicePlatform.Other;
    }

    private static bool Is(string name, string expected) => name.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
