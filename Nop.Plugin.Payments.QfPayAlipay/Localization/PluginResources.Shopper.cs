using System.Collections.Frozen;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts shoppers see: the payment method at checkout, the pending and problem pages (<see cref="CheckoutResources"/>),
/// the QR and in-app pages (<see cref="ShopperPageResources"/>) and the in-app browser guidance
/// (<see cref="ShopperGuidanceTexts"/>).
/// </summary>
public static partial class PluginResources
{
    /// <summary>The page a browser sees after paying an order it did not place (the phone that scanned the QR code).</summary>
    public static readonly LocaleResource PaidElsewhereTitle = R(QfPayAlipayDefaults.LocaleResourcePrefix + ".PaidElsewhere.Title",
        "Paid. You can go back to your computer.",
        "已付款。您可以返回電腦。",
        "已付款。您可以回到电脑上了。");

    /// <summary>{0} is the order number.</summary>
    public static readonly LocaleResource PaidElsewhereText = R(QfPayAlipayDefaults.LocaleResourcePrefix + ".PaidElsewhere.Text",
        "Order {0} is paid. The page where you placed the order moves on by itself; you can close this one.",
        "訂單 {0} 已付款。您下單的頁面會自動更新，您可以關閉此頁面。",
        "订单 {0} 已付款。您下单的页面会自动更新，您可以关闭此页面。");

    private static IEnumerable<LocaleResource> Shopper() =>
    [
        PaidElsewhereTitle,
        PaidElsewhereText,
        R("Plugins.Payments.QfPayAlipay.PaymentMethodDescription",
            "Pay with Alipay or AlipayHK on your phone",
            "使用支付寶或支付寶香港 (AlipayHK) 在手機上付款",
            "使用支付宝或支付宝香港 (AlipayHK) 在手机上付款"),
        R("Plugins.Payments.QfPayAlipay.PaymentInfo.Redirect",
            "After you confirm the order you will be taken to Alipay to pay.",
            "確認訂單後，您將被轉到支付寶付款。",
            "确认订单后，您将被转到支付宝付款。"),
        .. CheckoutResources.All,
        .. ShopperGuidanceTexts.All,
        .. ShopperPageResources.All,
    ];
}

/// <summary>
/// Texts of the checkout and settlement pages (pending, problem); views only ever print them through T(...).
/// </summary>
public static class CheckoutResources
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".";

    public static readonly LocaleResource PendingTitle = new(Prefix + "Pending.Title", "Confirming your payment", "正在確認您的付款", "正在确认您的付款");

    public static readonly LocaleResource PendingText = new(Prefix + "Pending.Text",
        "Thank you. We are waiting for Alipay to confirm the payment for order {0}. This usually takes a few seconds.",
        "謝謝。我們正在等待支付寶確認訂單 {0} 的付款，通常只需數秒。",
        "谢谢。我们正在等待支付宝确认订单 {0} 的付款，通常只需几秒钟。");

    public static readonly LocaleResource PendingNoSecondPayment = new(Prefix + "Pending.NoSecondPayment",
        "If you have paid, please do not pay again: the order is updated automatically as soon as the confirmation arrives, even if you close this page.",
        "如您已付款，請勿再次付款：即使您關閉此頁面，訂單也會在收到確認後自動更新。",
        "如您已付款，请勿再次付款：即使您关闭此页面，订单也会在收到确认后自动更新。");

    public static readonly LocaleResource PendingRefreshing = new(Prefix + "Pending.Refreshing",
        "This page refreshes by itself.",
        "此頁面會自動重新整理。",
        "此页面会自动刷新。");

    public static readonly LocaleResource OrderDetailsLink = new(Prefix + "OrderDetails", "View your order", "查看您的訂單", "查看您的订单");
    public static readonly LocaleResource OrderNumber = new(Prefix + "OrderNumber", "Order number: {0}", "訂單編號：{0}", "订单编号：{0}");
    public static readonly LocaleResource ProblemTitle = new(Prefix + "Problem.Title", "Your payment was not completed", "您的付款尚未完成", "您的付款尚未完成");

    public static readonly LocaleResource ProblemRetryHint = new(Prefix + "Problem.RetryHint",
        "Your order has been saved. You can pay for it again from the order page.",
        "您的訂單已儲存，您可以在訂單頁面再次付款。",
        "您的订单已保存，您可以在订单页面再次付款。");

    public static readonly LocaleResource ProblemRetry = new(Prefix + "Problem.Retry", "Retry payment", "重新付款", "重新付款");

    public static readonly LocaleResource ProblemContactStore = new(Prefix + "Problem.ContactStore",
        "If you have questions, please contact the store and quote your order number.",
        "如有疑問，請聯絡商店並提供您的訂單編號。",
        "如有疑问，请联系商店并提供您的订单编号。");

    public static readonly LocaleResource ContinueShopping = new(Prefix + "ContinueShopping", "Continue shopping", "繼續購物", "继续购物");

    /// <summary>The resource key of the explanation for <paramref name="problem"/>.</summary>
    public static string ProblemMessageKey(PaymentProblemKind problem) => Prefix + "Problem." + problem;

    /// <summary>Every text of the pages; {0} is the order number where a text has it.</summary>
    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        PendingTitle,
        PendingText,
        PendingNoSecondPayment,
        PendingRefreshing,
        OrderDetailsLink,
        OrderNumber,
        ProblemTitle,
        Problem(PaymentProblemKind.NotStarted,
            "The payment with Alipay could not be started. Nothing has been charged.",
            "未能開始支付寶付款，您並未被收取任何款項。",
            "未能发起支付宝付款，您并未被扣取任何款项。"),
        Problem(PaymentProblemKind.NotCompleted,
            "The payment with Alipay was not completed. Nothing has been charged.",
            "支付寶付款未有完成，您並未被收取任何款項。",
            "支付宝付款未完成，您并未被扣取任何款项。"),
        Problem(PaymentProblemKind.Unconfirmed,
            "We could not confirm your payment with Alipay yet. If you have already paid, the order will be updated automatically, so please check your Alipay app before paying again.",
            "我們暫時未能向支付寶確認您的付款。如您已付款，訂單會自動更新；再次付款前，請先查看您的支付寶應用程式。",
            "我们暂时未能向支付宝确认您的付款。如您已付款，订单会自动更新；再次付款前，请先查看您的支付宝 App。"),
        Problem(PaymentProblemKind.Expired,
            "The payment link expired before the payment was made. Nothing has been charged.",
            "付款連結在付款前已逾期，您並未被收取任何款項。",
            "付款链接在付款前已过期，您并未被扣取任何款项。"),
        Problem(PaymentProblemKind.Mismatch,
            "A payment was received that does not match this order. The store has been informed and will contact you.",
            "我們收到一筆與此訂單不符的付款。商店已獲通知，並會與您聯絡。",
            "我们收到一笔与此订单不符的付款。商店已收到通知，并会与您联系。"),
        Problem(PaymentProblemKind.NotPayable,
            "A payment was received for an order that can no longer be paid. The store has been informed and will refund it.",
            "我們收到一筆付款，但該訂單已無法付款。商店已獲通知，並會為您退款。",
            "我们收到一笔付款，但该订单已无法支付。商店已收到通知，并会为您退款。"),
        ProblemRetryHint,
        ProblemRetry,
        ProblemContactStore,
        ContinueShopping,
    ];

    private static LocaleResource Problem(PaymentProblemKind problem, string english, string traditionalChinese, string simplifiedChinese) =>
        new(ProblemMessageKey(problem), english, traditionalChinese, simplifiedChinese);
}

/// <summary>
/// Texts of the shopper pages of issue #7 that are not in-app guidance (that is <see cref="ShopperGuidanceTexts"/>):
/// the desktop QR page and its live status, and the in-app page's links.
/// </summary>
public static class ShopperPageResources
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Shopper.";

    public static readonly LocaleResource ScanTitle = new(Prefix + "Scan.Title", "Scan to pay with Alipay", "掃描以使用支付寶付款", "扫码使用支付宝付款");

    public static readonly LocaleResource ScanInstructions = new(Prefix + "Scan.Instructions",
        "Scan this code with your phone's camera or the Alipay app. The payment opens on your phone.",
        "請用手機相機或支付寶應用程式掃描此二維碼，付款頁面會在您的手機上開啟。",
        "请用手机相机或支付宝 App 扫描此二维码，付款页面会在您的手机上打开。");

    public static readonly LocaleResource ScanQrAlt = new(Prefix + "Scan.QrAlt", "QR code of the payment link", "付款連結的二維碼", "付款链接的二维码");
    public static readonly LocaleResource ScanAmount = new(Prefix + "Scan.Amount", "Amount: {0}", "金額：{0}", "金额：{0}");

    public static readonly LocaleResource ScanLinkHint = new(Prefix + "Scan.LinkHint",
        "Or open this link on your phone:",
        "或在手機上開啟此連結：",
        "或在手机上打开此链接：");

    public static readonly LocaleResource StatusPending = new(Prefix + "Status.Pending", "Waiting for your payment…", "正在等待您付款…", "正在等待您付款…");

    public static readonly LocaleResource StatusPaid = new(Prefix + "Status.Paid",
        "Payment received. Taking you to your order…",
        "已收到付款，正在前往您的訂單…",
        "已收到付款，正在前往您的订单…");

    public static readonly LocaleResource StatusFailed = new(Prefix + "Status.Failed",
        "The payment was not completed. Nothing has been charged.",
        "付款未有完成，您並未被收取任何款項。",
        "付款未完成，您并未被扣取任何款项。");

    public static readonly LocaleResource StatusExpired = new(Prefix + "Status.Expired",
        "The payment link expired. Scan the code again to start a new payment.",
        "付款連結已逾期。請再次掃描二維碼以重新付款。",
        "付款链接已过期。请再次扫描二维码以重新付款。");

    public static readonly LocaleResource StatusNoScript = new(Prefix + "Status.NoScript",
        "This page cannot update itself without JavaScript. After paying on your phone, view your order to see its status.",
        "未啟用 JavaScript 時此頁面無法自動更新。在手機上付款後，請查看您的訂單以了解其狀態。",
        "未启用 JavaScript 时此页面无法自动更新。在手机上付款后，请查看您的订单以了解其状态。");

    public static readonly LocaleResource OpenInBrowserLinkLabel = new(Prefix + "OpenInBrowser.LinkLabel", "Payment link:", "付款連結：", "付款链接：");

    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        ScanTitle, ScanInstructions, ScanQrAlt, ScanAmount, ScanLinkHint, StatusPending, StatusPaid, StatusFailed, StatusExpired, StatusNoScript, OpenInBrowserLinkLabel,
    ];
}

/// <summary>
/// The "open this payment in your browser" guidance shown in in-app browsers (issue #7; QFPay's own advice,
/// docs/qfpay-protocol.md §4.8). Keys are spelled out rather than built from enum names, so renaming an enum member cannot orphan
/// a translated resource.
/// </summary>
public static class ShopperGuidanceTexts
{
    public const string KeyPrefix = "Plugins.Payments.QfPayAlipay.Shopper.";

    public const string OpenInBrowserPrefix = KeyPrefix + "OpenInBrowser.";

    public static readonly LocaleResource Title = new(OpenInBrowserPrefix + "Title",
        "Open this payment in your browser",
        "請在瀏覽器中開啟此付款頁面",
        "请在浏览器中打开此付款页面");

    public static readonly LocaleResource Explanation = new(OpenInBrowserPrefix + "Explanation",
        "This app's built-in browser cannot open Alipay. Open the payment in Safari, Chrome or your phone's own browser to pay.",
        "此應用程式的內置瀏覽器無法開啟支付寶。請在 Safari、Chrome 或手機本身的瀏覽器中開啟付款頁面以完成付款。",
        "此应用的内置浏览器无法打开支付宝。请在 Safari、Chrome 或手机自带的浏览器中打开付款页面以完成付款。");

    public static readonly LocaleResource CopyLink = new(OpenInBrowserPrefix + "CopyLink", "Copy link", "複製連結", "复制链接");

    public static readonly LocaleResource LinkCopied = new(OpenInBrowserPrefix + "LinkCopied",
        "Link copied. Paste it into Safari or Chrome to pay.",
        "已複製連結。請貼到 Safari 或 Chrome 中付款。",
        "已复制链接。请粘贴到 Safari 或 Chrome 中付款。");

    public static readonly LocaleResource CopyManually = new(OpenInBrowserPrefix + "CopyManually",
        "If the Copy link button does not work, press and hold the payment link below, copy it, and paste it into your browser's address bar.",
        "如「複製連結」按鈕無效，請長按下方的付款連結，複製後貼到瀏覽器的網址列。",
        "如“复制链接”按钮无效，请长按下方的付款链接，复制后粘贴到浏览器的地址栏。");

    public static readonly LocaleResource ResumeNote = new(OpenInBrowserPrefix + "ResumeNote",
        "Your order is saved. If the earlier payment page has expired, the link starts a new one.",
        "您的訂單已儲存。如之前的付款頁面已逾期，此連結會開始新的付款。",
        "您的订单已保存。如之前的付款页面已过期，此链接会发起新的付款。");

    // Chinese of the steps that are the common "⋯, then Open in browser".
    private const string TapMoreTraditional = "輕按右上角的 ⋯，然後選擇「在瀏覽器開啟」。";
    private const string TapMoreSimplified = "点击右上角的 ⋯，然后选择“在浏览器打开”。";

    // Apps with an "Open in browser" menu item (InAppBrowserMenus) say where it is; the others lead
    // with Copy link. ⋯ and ⋮ are the icons the apps themselves draw.
    private static readonly FrozenDictionary<InAppBrowserApp, LocaleResource> StepsByApp = new Dictionary<InAppBrowserApp, LocaleResource>
    {
        [InAppBrowserApp.WeChat] = new(OpenInBrowserPrefix + "WeChat",
            "Tap ⋯ in the top right, then choose Open in Browser (on iPhone it may say Open in Safari).",
            "輕按右上角的 ⋯，然後選擇「在瀏覽器開啟」（iPhone 上可能顯示為「在 Safari 中開啟」）。",
            "点击右上角的 ⋯，然后选择“在浏览器打开”（iPhone 上可能显示为“在 Safari 中打开”）。"),
        [InAppBrowserApp.WeCom] = new(OpenInBrowserPrefix + "WeCom",
            "Tap ⋯ in the top right, then choose Open in Browser.",
            TapMoreTraditional,
            TapMoreSimplified),
        [InAppBrowserApp.Facebook] = new(OpenInBrowserPrefix + "Facebook",
            "Tap ⋯ or ⋮ in the top right, then choose Open in browser (it may say Open in external browser, Open in Safari or Open in Chrome).",
            "輕按右上角的 ⋯ 或 ⋮，然後選擇「在瀏覽器開啟」（也可能顯示為「在外部瀏覽器開啟」、「在 Safari 中開啟」或「在 Chrome 中開啟」）。",
            "点击右上角的 ⋯ 或 ⋮，然后选择“在浏览器打开”（也可能显示为“在外部浏览器打开”、“在 Safari 中打开”或“在 Chrome 中打开”）。"),
        [InAppBrowserApp.Instagram] = new(OpenInBrowserPrefix + "Instagram",
            "Tap ⋯ in the top right, then choose Open in external browser (it may say Open in Safari or Open in Chrome).",
            "輕按右上角的 ⋯，然後選擇「在外部瀏覽器開啟」（也可能顯示為「在 Safari 中開啟」或「在 Chrome 中開啟」）。",
            "点击右上角的 ⋯，然后选择“在外部浏览器打开”（也可能显示为“在 Safari 中打开”或“在 Chrome 中打开”）。"),
        [InAppBrowserApp.WhatsApp] = new(OpenInBrowserPrefix + "WhatsApp",
            "WhatsApp usually opens links in your phone's browser. If this page opened inside WhatsApp, tap the Copy link button, then paste the link into Safari or Chrome.",
            "WhatsApp 通常會在手機的瀏覽器中開啟連結。如此頁面在 WhatsApp 內開啟，請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
            "WhatsApp 通常会在手机的浏览器中打开链接。如此页面在 WhatsApp 内打开，请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
        [InAppBrowserApp.Line] = new(OpenInBrowserPrefix + "Line",
            "Tap ⋮ in the top right, then choose Open in default browser (on iPhone it may say Open in Safari).",
            "輕按右上角的 ⋮，然後選擇「以預設瀏覽器開啟」（iPhone 上可能顯示為「在 Safari 中開啟」）。",
            "点击右上角的 ⋮，然后选择“用默认浏览器打开”（iPhone 上可能显示为“在 Safari 中打开”）。"),
        [InAppBrowserApp.Telegram] = new(OpenInBrowserPrefix + "Telegram",
            "Tap ⋮ in the top right, then choose Open in browser.",
            "輕按右上角的 ⋮，然後選擇「在瀏覽器開啟」。",
            "点击右上角的 ⋮，然后选择“在浏览器打开”。"),
        [InAppBrowserApp.TikTok] = new(OpenInBrowserPrefix + "TikTok",
            "Tap ⋯ in the top right, then choose Open in browser.",
            TapMoreTraditional,
            TapMoreSimplified),
        [InAppBrowserApp.Douyin] = new(OpenInBrowserPrefix + "Douyin",
            "Douyin may not offer Open in browser. Tap the Copy link button, then paste the link into your phone's browser.",
            "抖音可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到手機的瀏覽器。",
            "抖音可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到手机的浏览器。"),
        [InAppBrowserApp.Snapchat] = new(OpenInBrowserPrefix + "Snapchat",
            "Snapchat may not offer Open in browser. Tap the Copy link button, then paste the link into Safari or Chrome.",
            "Snapchat 可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
            "Snapchat 可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
        [InAppBrowserApp.Twitter] = new(OpenInBrowserPrefix + "Twitter",
            "Tap ⋮ or ⋯ in the corner, then choose Open in browser (on iPhone, the compass icon opens Safari).",
            "輕按角落的 ⋮ 或 ⋯，然後選擇「在瀏覽器開啟」（iPhone 上，指南針圖示會開啟 Safari）。",
            "点击角落的 ⋮ 或 ⋯，然后选择“在浏览器打开”（iPhone 上，指南针图标会打开 Safari）。"),
        [InAppBrowserApp.LinkedIn] = new(OpenInBrowserPrefix + "LinkedIn",
            "Tap ⋯ in the top right, then choose Open in browser.",
            TapMoreTraditional,
            TapMoreSimplified),
        [InAppBrowserApp.Pinterest] = new(OpenInBrowserPrefix + "Pinterest",
            "Pinterest may not offer Open in browser. Tap the Copy link button, then paste the link into Safari or Chrome.",
            "Pinterest 可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
            "Pinterest 可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
        [InAppBrowserApp.Weibo] = new(OpenInBrowserPrefix + "Weibo",
            "Tap ⋯ in the top right, then choose Open in browser.",
            TapMoreTraditional,
            TapMoreSimplified),
        [InAppBrowserApp.QQ] = new(OpenInBrowserPrefix + "QQ",
            "Tap ⋯ in the top right, then choose Open in browser.",
            TapMoreTraditional,
            TapMoreSimplified),
        [InAppBrowserApp.DingTalk] = new(OpenInBrowserPrefix + "DingTalk",
            "Tap ⋯ in the top right, then choose Open in browser.",
            TapMoreTraditional,
            TapMoreSimplified),
        [InAppBrowserApp.Xiaohongshu] = new(OpenInBrowserPrefix + "Xiaohongshu",
            "Xiaohongshu (RED) may not offer Open in browser. Tap the Copy link button, then paste the link into your phone's browser.",
            "小紅書可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到手機的瀏覽器。",
            "小红书可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到手机的浏览器。"),
        [InAppBrowserApp.Other] = new(OpenInBrowserPrefix + "Other",
            "Look for Open in browser in this app's ⋯ or ⋮ menu. If there is none, tap the Copy link button, then paste the link into Safari or Chrome.",
            "請在此應用程式的 ⋯ 或 ⋮ 選單中尋找「在瀏覽器開啟」。如沒有此選項，請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
            "请在此应用的 ⋯ 或 ⋮ 菜单中寻找“在浏览器打开”。如没有此选项，请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
    }.ToFrozenDictionary();

    /// <summary>The key of the steps for leaving <paramref name="app"/>'s browser; null for <see cref="InAppBrowserApp.None"/>.</summary>
    public static string? OpenInBrowserStepsKey(InAppBrowserApp app) => StepsByApp.GetValueOrDefault(app)?.Key;

    /// <summary>Every text, the page's in display order, then the steps in the order of <see cref="InAppBrowserApp"/>.</summary>
    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        Title, Explanation, CopyLink, LinkCopied, CopyManually, ResumeNote,
        .. Enum.GetValues<InAppBrowserApp>().Where(StepsByApp.ContainsKey).Select(app => StepsByApp[app]),
    ];
}
