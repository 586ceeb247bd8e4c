using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts shoppers see: at checkout, on the pending and problem pages (<see cref="CheckoutResources"/>) and in the
/// in-app browser guidance (<see cref="ShopperGuidanceTexts"/>). Those two classes own their keys and English;
/// the Chinese is kept here, by the same keys.
/// </summary>
public static partial class PluginResources
{
    /// <summary>The page a browser sees after paying an order it did not place (the phone that scanned the QR code).</summary>
    public const string PaidElsewhereTitle = QfPayAlipayDefaults.LocaleResourcePrefix + ".PaidElsewhere.Title";

    /// <summary>{0} is the order number.</summary>
    public const string PaidElsewhereText = QfPayAlipayDefaults.LocaleResourcePrefix + ".PaidElsewhere.Text";

    private static IEnumerable<LocaleResource> Shopper() =>
    [
        R(PaidElsewhereTitle,
            "Paid. You can go back to your computer.",
            "已付款。您可以返回電腦。",
            "已付款。您可以回到电脑上了。"),
        R(PaidElsewhereText,
            "Order {0} is paid. The page where you placed the order moves on by itself; you can close this one.",
            "訂單 {0} 已付款。您下單的頁面會自動更新，您可以關閉此頁面。",
            "订单 {0} 已付款。您下单的页面会自动更新，您可以关闭此页面。"),
        R("Plugins.Payments.QfPayAlipay.PaymentMethodDescription",
            "Pay with Alipay or AlipayHK on your phone",
            "使用支付寶或支付寶香港 (AlipayHK) 在手機上付款",
            "使用支付宝或支付宝香港 (AlipayHK) 在手机上付款"),
        R("Plugins.Payments.QfPayAlipay.PaymentInfo.Redirect",
            "After you confirm the order you will be taken to Alipay to pay.",
            "確認訂單後，您將被轉到支付寶付款。",
            "确认订单后，您将被转到支付宝付款。"),
        .. WithChinese(CheckoutResources.English, CheckoutChinese),
        .. WithChinese(ShopperGuidanceTexts.English, GuidanceChinese),
        .. WithChinese(ShopperPageResources.English, ShopperPageChinese),
    ];

    /// <summary>Keys of shopper texts that have Chinese, for the locale tests.</summary>
    internal static IEnumerable<string> TranslatedShopperKeys => CheckoutChinese.Keys.Concat(GuidanceChinese.Keys).Concat(ShopperPageChinese.Keys);

    private static readonly Dictionary<string, (string Traditional, string Simplified)> ShopperPageChinese =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [ShopperPageResources.ScanTitle] = ("掃描以使用支付寶付款", "扫码使用支付宝付款"),
            [ShopperPageResources.ScanInstructions] = (
                "請用手機相機或支付寶應用程式掃描此二維碼，付款頁面會在您的手機上開啟。",
                "请用手机相机或支付宝 App 扫描此二维码，付款页面会在您的手机上打开。"),
            [ShopperPageResources.ScanQrAlt] = ("付款連結的二維碼", "付款链接的二维码"),
            [ShopperPageResources.ScanAmount] = ("金額：{0}", "金额：{0}"),
            [ShopperPageResources.ScanLinkHint] = ("或在手機上開啟此連結：", "或在手机上打开此链接："),
            [ShopperPageResources.StatusPending] = ("正在等待您付款…", "正在等待您付款…"),
            [ShopperPageResources.StatusPaid] = ("已收到付款，正在前往您的訂單…", "已收到付款，正在前往您的订单…"),
            [ShopperPageResources.StatusFailed] = ("付款未有完成，您並未被收取任何款項。", "付款未完成，您并未被扣取任何款项。"),
            [ShopperPageResources.StatusExpired] = ("付款連結已逾期。請再次掃描二維碼以重新付款。", "付款链接已过期。请再次扫描二维码以重新付款。"),
            [ShopperPageResources.StatusNoScript] = (
                "未啟用 JavaScript 時此頁面無法自動更新。在手機上付款後，請查看您的訂單以了解其狀態。",
                "未启用 JavaScript 时此页面无法自动更新。在手机上付款后，请查看您的订单以了解其状态。"),
            [ShopperPageResources.OpenInBrowserLinkLabel] = ("付款連結：", "付款链接："),
        };

    private static readonly Dictionary<string, (string Traditional, string Simplified)> CheckoutChinese =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [CheckoutResources.PendingTitle] = ("正在確認您的付款", "正在确认您的付款"),
            [CheckoutResources.PendingText] = (
                "謝謝。我們正在等待支付寶確認訂單 {0} 的付款，通常只需數秒。",
                "谢谢。我们正在等待支付宝确认订单 {0} 的付款，通常只需几秒钟。"),
            [CheckoutResources.PendingNoSecondPayment] = (
                "如您已付款，請勿再次付款：即使您關閉此頁面，訂單也會在收到確認後自動更新。",
                "如您已付款，请勿再次付款：即使您关闭此页面，订单也会在收到确认后自动更新。"),
            [CheckoutResources.PendingRefreshing] = ("此頁面會自動重新整理。", "此页面会自动刷新。"),
            [CheckoutResources.OrderDetailsLink] = ("查看您的訂單", "查看您的订单"),
            [CheckoutResources.OrderNumber] = ("訂單編號：{0}", "订单编号：{0}"),
            [CheckoutResources.ProblemTitle] = ("您的付款尚未完成", "您的付款尚未完成"),
            [CheckoutResources.ProblemMessageKey(PaymentProblemKind.NotStarted)] = (
                "未能開始支付寶付款，您並未被收取任何款項。",
                "未能发起支付宝付款，您并未被扣取任何款项。"),
            [CheckoutResources.ProblemMessageKey(PaymentProblemKind.NotCompleted)] = (
                "支付寶付款未有完成，您並未被收取任何款項。",
                "支付宝付款未完成，您并未被扣取任何款项。"),
            [CheckoutResources.ProblemMessageKey(PaymentProblemKind.Unconfirmed)] = (
                "我們暫時未能向支付寶確認您的付款。如您已付款，訂單會自動更新；再次付款前，請先查看您的支付寶應用程式。",
                "我们暂时未能向支付宝确认您的付款。如您已付款，订单会自动更新；再次付款前，请先查看您的支付宝 App。"),
            [CheckoutResources.ProblemMessageKey(PaymentProblemKind.Expired)] = (
                "付款連結在付款前已逾期，您並未被收取任何款項。",
                "付款链接在付款前已过期，您并未被扣取任何款项。"),
            [CheckoutResources.ProblemMessageKey(PaymentProblemKind.Mismatch)] = (
                "我們收到一筆與此訂單不符的付款。商店已獲通知，並會與您聯絡。",
                "我们收到一笔与此订单不符的付款。商店已收到通知，并会与您联系。"),
            [CheckoutResources.ProblemMessageKey(PaymentProblemKind.NotPayable)] = (
                "我們收到一筆付款，但該訂單已無法付款。商店已獲通知，並會為您退款。",
                "我们收到一笔付款，但该订单已无法支付。商店已收到通知，并会为您退款。"),
            [CheckoutResources.ProblemRetryHint] = ("您的訂單已儲存，您可以在訂單頁面再次付款。", "您的订单已保存，您可以在订单页面再次付款。"),
            [CheckoutResources.ProblemRetry] = ("重新付款", "重新付款"),
            [CheckoutResources.ProblemContactStore] = ("如有疑問，請聯絡商店並提供您的訂單編號。", "如有疑问，请联系商店并提供您的订单编号。"),
            [CheckoutResources.ContinueShopping] = ("繼續購物", "继续购物"),
        };

    private static readonly (string Traditional, string Simplified) TapMoreOpenInBrowser = (
        "輕按右上角的 ⋯，然後選擇「在瀏覽器開啟」。",
        "点击右上角的 ⋯，然后选择“在浏览器打开”。");

    private static readonly Dictionary<string, (string Traditional, string Simplified)> GuidanceChinese =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [ShopperGuidanceTexts.TitleKey] = ("請在瀏覽器中開啟此付款頁面", "请在浏览器中打开此付款页面"),
            [ShopperGuidanceTexts.ExplanationKey] = (
                "此應用程式的內置瀏覽器無法開啟支付寶。請在 Safari、Chrome 或手機本身的瀏覽器中開啟付款頁面以完成付款。",
                "此应用的内置浏览器无法打开支付宝。请在 Safari、Chrome 或手机自带的浏览器中打开付款页面以完成付款。"),
            [ShopperGuidanceTexts.CopyLinkKey] = ("複製連結", "复制链接"),
            [ShopperGuidanceTexts.LinkCopiedKey] = ("已複製連結。請貼到 Safari 或 Chrome 中付款。", "已复制链接。请粘贴到 Safari 或 Chrome 中付款。"),
            [ShopperGuidanceTexts.CopyManuallyKey] = (
                "如「複製連結」按鈕無效，請長按下方的付款連結，複製後貼到瀏覽器的網址列。",
                "如“复制链接”按钮无效，请长按下方的付款链接，复制后粘贴到浏览器的地址栏。"),
            [ShopperGuidanceTexts.ResumeNoteKey] = (
                "您的訂單已儲存。如之前的付款頁面已逾期，此連結會開始新的付款。",
                "您的订单已保存。如之前的付款页面已过期，此链接会发起新的付款。"),
            [Steps(InAppBrowserApp.WeChat)] = (
                "輕按右上角的 ⋯，然後選擇「在瀏覽器開啟」（iPhone 上可能顯示為「在 Safari 中開啟」）。",
                "点击右上角的 ⋯，然后选择“在浏览器打开”（iPhone 上可能显示为“在 Safari 中打开”）。"),
            [Steps(InAppBrowserApp.WeCom)] = TapMoreOpenInBrowser,
            [Steps(InAppBrowserApp.Facebook)] = (
                "輕按右上角的 ⋯ 或 ⋮，然後選擇「在瀏覽器開啟」（也可能顯示為「在外部瀏覽器開啟」、「在 Safari 中開啟」或「在 Chrome 中開啟」）。",
                "点击右上角的 ⋯ 或 ⋮，然后选择“在浏览器打开”（也可能显示为“在外部浏览器打开”、“在 Safari 中打开”或“在 Chrome 中打开”）。"),
            [Steps(InAppBrowserApp.Instagram)] = (
                "輕按右上角的 ⋯，然後選擇「在外部瀏覽器開啟」（也可能顯示為「在 Safari 中開啟」或「在 Chrome 中開啟」）。",
                "点击右上角的 ⋯，然后选择“在外部浏览器打开”（也可能显示为“在 Safari 中打开”或“在 Chrome 中打开”）。"),
            [Steps(InAppBrowserApp.WhatsApp)] = (
                "WhatsApp 通常會在手機的瀏覽器中開啟連結。如此頁面在 WhatsApp 內開啟，請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
                "WhatsApp 通常会在手机的浏览器中打开链接。如此页面在 WhatsApp 内打开，请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
            [Steps(InAppBrowserApp.Line)] = (
                "輕按右上角的 ⋮，然後選擇「以預設瀏覽器開啟」（iPhone 上可能顯示為「在 Safari 中開啟」）。",
                "点击右上角的 ⋮，然后选择“用默认浏览器打开”（iPhone 上可能显示为“在 Safari 中打开”）。"),
            [Steps(InAppBrowserApp.Telegram)] = (
                "輕按右上角的 ⋮，然後選擇「在瀏覽器開啟」。",
                "点击右上角的 ⋮，然后选择“在浏览器打开”。"),
            [Steps(InAppBrowserApp.TikTok)] = TapMoreOpenInBrowser,
            [Steps(InAppBrowserApp.Douyin)] = (
                "抖音可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到手機的瀏覽器。",
                "抖音可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到手机的浏览器。"),
            [Steps(InAppBrowserApp.Snapchat)] = (
                "Snapchat 可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
                "Snapchat 可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
            [Steps(InAppBrowserApp.Twitter)] = (
                "輕按角落的 ⋮ 或 ⋯，然後選擇「在瀏覽器開啟」（iPhone 上，指南針圖示會開啟 Safari）。",
                "点击角落的 ⋮ 或 ⋯，然后选择“在浏览器打开”（iPhone 上，指南针图标会打开 Safari）。"),
            [Steps(InAppBrowserApp.LinkedIn)] = TapMoreOpenInBrowser,
            [Steps(InAppBrowserApp.Pinterest)] = (
                "Pinterest 可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
                "Pinterest 可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
            [Steps(InAppBrowserApp.Weibo)] = TapMoreOpenInBrowser,
            [Steps(InAppBrowserApp.QQ)] = TapMoreOpenInBrowser,
            [Steps(InAppBrowserApp.DingTalk)] = TapMoreOpenInBrowser,
            [Steps(InAppBrowserApp.Xiaohongshu)] = (
                "小紅書可能沒有「在瀏覽器開啟」選項。請輕按「複製連結」按鈕，然後貼到手機的瀏覽器。",
                "小红书可能没有“在浏览器打开”选项。请点击“复制链接”按钮，然后粘贴到手机的浏览器。"),
            [Steps(InAppBrowserApp.Other)] = (
                "請在此應用程式的 ⋯ 或 ⋮ 選單中尋找「在瀏覽器開啟」。如沒有此選項，請輕按「複製連結」按鈕，然後貼到 Safari 或 Chrome。",
                "请在此应用的 ⋯ 或 ⋮ 菜单中寻找“在浏览器打开”。如没有此选项，请点击“复制链接”按钮，然后粘贴到 Safari 或 Chrome。"),
        };

    private static string Steps(InAppBrowserApp app) =>
        ShopperGuidanceTexts.OpenInBrowserStepsKey(app) ?? throw new ArgumentOutOfRangeException(nameof(app));
}
