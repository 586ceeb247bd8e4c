namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

// The browsers BrowserClassifier recognises, by the tokens their User-Agents carry; one table per kind of browser.

/// <summary>Recognises the Alipay apps' web views from the tokens they append to the User-Agent.</summary>
internal static class AlipayAppSignatures
{
    public static AlipayWallet Detect(string userAgent)
    {
        // "AlipayClientHK" begins with "AlipayClient", so AlipayHK must be tested first or it would pass
        // for Mainland Alipay and be offered 800107, which needs the Mainland app (docs/qfpay-protocol.md §10.2).
        if (userAgent.Contains("AlipayClientHK", StringComparison.Ordinal))
            return AlipayWallet.AlipayHK;

        // Mainland Alipay's mPaaS container also writes "AliApp(AP/<version>)"; other Alibaba apps use
        // the same AliApp(...) form with their own code (DingTalk, Taobao "TB"), hence the "AP/".
        if (userAgent.Contains("AlipayClient", StringComparison.Ordinal)
            || userAgent.Contains("AliApp(AP/", StringComparison.Ordinal))
            return AlipayWallet.Alipay;

        return AlipayWallet.None;
    }
}

/// <summary>
/// Recognises the host app of a built-in browser from the token it appends to the User-Agent. These
/// UAs also say "Mobile Safari" or "Safari", so they must be tested before any generic mobile check.
/// </summary>
internal static class InAppBrowserSignatures
{
    private readonly record struct Signature(string Token, InAppBrowserApp App, StringComparison Comparison = StringComparison.Ordinal);

    // First match wins; the order carries meaning where one app's UA contains another's token.
    private static readonly Signature[] Signatures =
    [
        // WeCom's UA also says MicroMessenger.
        new("wxwork/", InAppBrowserApp.WeCom),
        new("MicroMessenger", InAppBrowserApp.WeChat),

        // Instagram runs on Facebook's browser code; test it before the FB* tokens in case they appear.
        new("Instagram ", InAppBrowserApp.Instagram),
        new("FBAN/", InAppBrowserApp.Facebook),
        new("FBAV/", InAppBrowserApp.Facebook),
        new("FB_IAB/", InAppBrowserApp.Facebook),
        new("FBIOS", InAppBrowserApp.Facebook),
        new("MessengerForiOS", InAppBrowserApp.Facebook),
        new("Orca-Android", InAppBrowserApp.Facebook),

        new("WhatsApp", InAppBrowserApp.WhatsApp),

        // Leading space: "Line/" alone would match inside other words.
        new(" Line/", InAppBrowserApp.Line),
        new("Telegram-Android", InAppBrowserApp.Telegram),

        // TikTok and Douyin share ByteDance's web view; their own tokens come first, then the shared one.
        new("musical_ly", InAppBrowserApp.TikTok),
        new("trill_", InAppBrowserApp.TikTok),
        new("AppName/trill", InAppBrowserApp.TikTok),
        new("TikTok", InAppBrowserApp.TikTok),
        new("aweme", InAppBrowserApp.Douyin, StringComparison.OrdinalIgnoreCase),
        new("BytedanceWebview", InAppBrowserApp.TikTok),

        new("Snapchat", InAppBrowserApp.Snapchat),
        new("TwitterAndroid", InAppBrowserApp.Twitter),
        new("Twitter for iP", InAppBrowserApp.Twitter),

        // "LinkedInApp", not "LinkedIn": LinkedInBot is a crawler.
        new("LinkedInApp", InAppBrowserApp.LinkedIn),
        new("[Pinterest/", InAppBrowserApp.Pinterest),
        new("__weibo__", InAppBrowserApp.Weibo),
        new("Weibo (", InAppBrowserApp.Weibo),

        // The QQ messenger writes " QQ/<version>"; QQ Browser writes "MQQBrowser/", which this does not match.
        new(" QQ/", InAppBrowserApp.QQ),
        new("DingTalk", InAppBrowserApp.DingTalk),
        new("xiaohongshu", InAppBrowserApp.Xiaohongshu, StringComparison.OrdinalIgnoreCase),
        new("xhsminiapp", InAppBrowserApp.Xiaohongshu),
        new(" discover/", InAppBrowserApp.Xiaohongshu),
    ];

    public static InAppBrowserApp Detect(string userAgent)
    {
        foreach (var signature in Signatures)
        {
            if (userAgent.Contains(signature.Token, signature.Comparison))
                return signature.App;
        }

        return InAppBrowserApp.None;
    }

    /// <summary>
    /// A web view of some app not listed above. Android marks its WebView with "; wv)" (and Chromium's
    /// brand list says "Android WebView"); on iOS, WKWebView lacks the "Safari/" token that Safari, Chrome,
    /// Firefox and Edge for iOS all send. An iOS home-screen web app also lacks it and is reported here.
    /// </summary>
    public static bool IsGenericWebView(string userAgent, DevicePlatform platform, bool brandsSayAndroidWebView)
    {
        if (brandsSayAndroidWebView || userAgent.Contains("; wv)", StringComparison.Ordinal))
            return true;

        return platform == DevicePlatform.IOS
            && userAgent.Contains("AppleWebKit", StringComparison.Ordinal)
            && !userAgent.Contains("Safari/", StringComparison.Ordinal);
    }
}

/// <summary>
/// Which built-in browsers offer "Open in browser" (or "Open in Safari/Chrome") from their own menu, so
/// the guidance can point there first. Listed only where the menu item is long-standing; for the rest
/// the page leads with "Copy link", which works everywhere.
/// </summary>
public static class InAppBrowserMenus
{
    public static bool OffersOpenInBrowser(InAppBrowserApp app) => app switch
    {
        InAppBrowserApp.WeChat
            or InAppBrowserApp.WeCom
            or InAppBrowserApp.Facebook
            or InAppBrowserApp.Instagram
            or InAppBrowserApp.Line
            or InAppBrowserApp.Telegram
            or InAppBrowserApp.TikTok
            or InAppBrowserApp.Twitter
            or InAppBrowserApp.LinkedIn
            or InAppBrowserApp.Weibo
            or InAppBrowserApp.QQ
            or InAppBrowserApp.DingTalk => true,

        // WhatsApp normally opens the system browser itself; Douyin, Xiaohongshu, Snapchat and Pinterest
        // restrict or hide outbound links; an unknown web view may have no menu at all.
        _ => false,
    };
}

/// <summary>Reads the operating system and the mobile flag from the User-Agent alone.</summary>
internal static class PlatformSignatures
{
    public static DevicePlatform Detect(string userAgent)
    {
        // Order matters: HarmonyOS 2–4 UAs also say "Android"; iOS UAs say "like Mac OS X"; Android and
        // ChromeOS UAs say "Linux".
        if (Has(userAgent, "OpenHarmony") || Has(userAgent, "HarmonyOS"))
            return DevicePlatform.HarmonyOS;
        if (Has(userAgent, "iPhone") || Has(userAgent, "iPad") || Has(userAgent, "iPod"))
            return DevicePlatform.IOS;
        if (Has(userAgent, "Android"))
            return DevicePlatform.Android;
        if (Has(userAgent, "CrOS"))
            return DevicePlatform.ChromeOS;
        if (Has(userAgent, "Windows"))
            return DevicePlatform.Windows;
        if (Has(userAgent, "Macintosh") || Has(userAgent, "Mac OS X"))
            return DevicePlatform.MacOS;
        if (Has(userAgent, "Linux"))
            return DevicePlatform.Linux;
        return DevicePlatform.Other;
    }

    /// <summary>
    /// iPadOS 13+ Safari sends the same UA as Safari on a Mac, and Safari sends no client hints, so an
    /// iPad is told apart only when an app's web view kept the iOS "Mobile/" token, or when the page
    /// reported touch points (<see cref="ClientHintNames.MaxTouchPoints"/>; Macs have none). Otherwise
    /// an iPad is classified as a Mac desktop, which is a known limitation: it gets the QR page.
    /// </summary>
    public static bool IsIPadPosingAsMac(string userAgent, int? maxTouchPoints) =>
        Has(userAgent, "Mobile/") || maxTouchPoints > 1;

    /// <summary>"Mobile" also covers "Mobile Safari", Firefox's "(Android 14; Mobile;" and KaiOS' "(Mobile;".</summary>
    public static bool HasMobileToken(string userAgent) => Has(userAgent, "Mobile");

    /// <summary>X11 without Linux (FreeBSD, OpenBSD) is still a desktop.</summary>
    public static bool HasDesktopWindowSystem(string userAgent) => Has(userAgent, "X11");

    public static bool IsMobileSystem(DevicePlatform platform) =>
        platform is DevicePlatform.IOS or DevicePlatform.Android or DevicePlatform.HarmonyOS;

    public static bool IsDesktopSystem(DevicePlatform platform) =>
        platform is DevicePlatform.Windows or DevicePlatform.MacOS or DevicePlatform.Linux or DevicePlatform.ChromeOS;

    private static bool Has(string userAgent, string token) => userAgent.Contains(token, StringComparison.Ordinal);
}

/// <summary>
/// Crawlers and link-preview fetchers. They never pay, and several pretend to be a phone (Googlebot's
/// smartphone UA says "Android ... Mobile Safari"), so they are reported as unknown rather than as shoppers.
/// </summary>
internal static class CrawlerSignatures
{
    // Deliberately not a bare "bot": the phone brand Cubot would match it.
    private static readonly string[] Tokens = ["bot/", "bot;", "spider", "crawl", "facebookexternalhit", "+http"];

    public static bool Matches(string userAgent)
    {
        foreach (var token in Tokens)
        {
            if (userAgent.Contains(token, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
