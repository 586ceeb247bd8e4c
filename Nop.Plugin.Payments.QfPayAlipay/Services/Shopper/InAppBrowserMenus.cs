namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

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
