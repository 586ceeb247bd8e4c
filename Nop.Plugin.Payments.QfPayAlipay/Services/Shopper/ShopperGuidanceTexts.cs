using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Locale resource keys and English texts of the "open this payment in your browser" guidance shown in
/// in-app browsers (issue #7; QFPay's own advice, API.md §4.8). Keys are spelled out rather than built
/// from enum names, so renaming an enum member cannot orphan a translated resource.
/// </summary>
public static class ShopperGuidanceTexts
{
    public const string KeyPrefix = "Plugins.Payments.QfPayAlipay.Shopper.";

    public const string OpenInBrowserPrefix = KeyPrefix + "OpenInBrowser.";

    public const string TitleKey = OpenInBrowserPrefix + "Title";
    public const string ExplanationKey = OpenInBrowserPrefix + "Explanation";
    public const string CopyLinkKey = OpenInBrowserPrefix + "CopyLink";
    public const string LinkCopiedKey = OpenInBrowserPrefix + "LinkCopied";
    public const string CopyManuallyKey = OpenInBrowserPrefix + "CopyManually";
    public const string ResumeNoteKey = OpenInBrowserPrefix + "ResumeNote";

    private static readonly FrozenDictionary<InAppBrowserApp, string> StepsKeys = new Dictionary<InAppBrowserApp, string>
    {
        [InAppBrowserApp.WeChat] = OpenInBrowserPrefix + "WeChat",
        [InAppBrowserApp.WeCom] = OpenInBrowserPrefix + "WeCom",
        [InAppBrowserApp.Facebook] = OpenInBrowserPrefix + "Facebook",
        [InAppBrowserApp.Instagram] = OpenInBrowserPrefix + "Instagram",
        [InAppBrowserApp.WhatsApp] = OpenInBrowserPrefix + "WhatsApp",
        [InAppBrowserApp.Line] = OpenInBrowserPrefix + "Line",
        [InAppBrowserApp.Telegram] = OpenInBrowserPrefix + "Telegram",
        [InAppBrowserApp.TikTok] = OpenInBrowserPrefix + "TikTok",
        [InAppBrowserApp.Douyin] = OpenInBrowserPrefix + "Douyin",
        [InAppBrowserApp.Snapchat] = OpenInBrowserPrefix + "Snapchat",
        [InAppBrowserApp.Twitter] = OpenInBrowserPrefix + "Twitter",
        [InAppBrowserApp.LinkedIn] = OpenInBrowserPrefix + "LinkedIn",
        [InAppBrowserApp.Pinterest] = OpenInBrowserPrefix + "Pinterest",
        [InAppBrowserApp.Weibo] = OpenInBrowserPrefix + "Weibo",
        [InAppBrowserApp.QQ] = OpenInBrowserPrefix + "QQ",
        [InAppBrowserApp.DingTalk] = OpenInBrowserPrefix + "DingTalk",
        [InAppBrowserApp.Xiaohongshu] = OpenInBrowserPrefix + "Xiaohongshu",
        [InAppBrowserApp.Other] = OpenInBrowserPrefix + "Other",
    }.ToFrozenDictionary();

    /// <summary>The key of the steps for leaving <paramref name="app"/>'s browser; null for <see cref="InAppBrowserApp.None"/>.</summary>
    public static string? OpenInBrowserStepsKey(InAppBrowserApp app) => StepsKeys.GetValueOrDefault(app);

    /// <summary>English resources, in display order, for the plugin's install/upgrade locale set.</summary>
    public static IReadOnlyDictionary<string, string> English { get; } = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>
    {
        [TitleKey] = "Open this payment in your browser",
        [ExplanationKey] = "This app's built-in browser cannot open Alipay. Open the payment in Safari, Chrome or your phone's own browser to pay.",
        [CopyLinkKey] = "Copy link",
        [LinkCopiedKey] = "Link copied. Paste it into Safari or Chrome to pay.",
        [CopyManuallyKey] = "If the Copy link button does not work, press and hold the payment link below, copy it, and paste it into your browser's address bar.",
        [ResumeNoteKey] = "Your order is saved. If the earlier payment page has expired, the link starts a new one.",

        // Apps with an "Open in browser" menu item (InAppBrowserMenus) say where it is; the others lead
        // with Copy link. ⋯ and ⋮ are the icons the apps themselves draw.
        [StepsKeys[InAppBrowserApp.WeChat]] = "Tap ⋯ in the top right, then choose Open in Browser (on iPhone it may say Open in Safari).",
        [StepsKeys[InAppBrowserApp.WeCom]] = "Tap ⋯ in the top right, then choose Open in Browser.",
        [StepsKeys[InAppBrowserApp.Facebook]] = "Tap ⋯ or ⋮ in the top right, then choose Open in browser (it may say Open in external browser, Open in Safari or Open in Chrome).",
        [StepsKeys[InAppBrowserApp.Instagram]] = "Tap ⋯ in the top right, then choose Open in external browser (it may say Open in Safari or Open in Chrome).",
        [StepsKeys[InAppBrowserApp.WhatsApp]] = "WhatsApp usually opens links in your phone's browser. If this page opened inside WhatsApp, tap the Copy link button, then paste the link into Safari or Chrome.",
        [StepsKeys[InAppBrowserApp.Line]] = "Tap ⋮ in the top right, then choose Open in default browser (on iPhone it may say Open in Safari).",
        [StepsKeys[InAppBrowserApp.Telegram]] = "Tap ⋮ in the top right, then choose Open in browser.",
        [StepsKeys[InAppBrowserApp.TikTok]] = "Tap ⋯ in the top right, then choose Open in browser.",
        [StepsKeys[InAppBrowserApp.Douyin]] = "Douyin may not offer Open in browser. Tap the Copy link button, then paste the link into your phone's browser.",
        [StepsKeys[InAppBrowserApp.Snapchat]] = "Snapchat may not offer Open in browser. Tap the Copy link button, then paste the link into Safari or Chrome.",
        [StepsKeys[InAppBrowserApp.Twitter]] = "Tap ⋮ or ⋯ in the corner, then choose Open in browser (on iPhone, the compass icon opens Safari).",
        [StepsKeys[InAppBrowserApp.LinkedIn]] = "Tap ⋯ in the top right, then choose Open in browser.",
        [StepsKeys[InAppBrowserApp.Pinterest]] = "Pinterest may not offer Open in browser. Tap the Copy link button, then paste the link into Safari or Chrome.",
        [StepsKeys[InAppBrowserApp.Weibo]] = "Tap ⋯ in the top right, then choose Open in browser.",
        [StepsKeys[InAppBrowserApp.QQ]] = "Tap ⋯ in the top right, then choose Open in browser.",
        [StepsKeys[InAppBrowserApp.DingTalk]] = "Tap ⋯ in the top right, then choose Open in browser.",
        [StepsKeys[InAppBrowserApp.Xiaohongshu]] = "Xiaohongshu (RED) may not offer Open in browser. Tap the Copy link button, then paste the link into your phone's browser.",
        [StepsKeys[InAppBrowserApp.Other]] = "Look for Open in browser in this app's ⋯ or ⋮ menu. If there is none, tap the Copy link button, then paste the link into Safari or Chrome.",
    });
}
