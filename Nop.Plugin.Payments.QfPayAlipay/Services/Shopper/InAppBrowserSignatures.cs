namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

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

    public static InAppBrowserApp Detect(ReadOnlySpan<char> userAgent)
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
    public static bool IsGenericWebView(ReadOnlySpan<char> userAgent, DevicePlatform platform, bool brandsSayAndroidWebView)
    {
        if (brandsSayAndroidWebView || userAgent.Contains("; wv)", StringComparison.Ordinal))
            return true;

        return platform == DevicePlatform.IOS
            && userAgent.Contains("AppleWebKit", StringComparison.Ordinal)
            && !userAgent.Contains("Safari/", StringComparison.Ordinal);
    }
}
