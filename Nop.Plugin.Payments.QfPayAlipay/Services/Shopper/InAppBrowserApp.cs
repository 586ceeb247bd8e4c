namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

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
