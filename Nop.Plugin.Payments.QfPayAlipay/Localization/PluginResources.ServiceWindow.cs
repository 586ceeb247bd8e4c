namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts of 800107 (Alipay Service Window H5): the tradePay page shoppers see inside the Alipay app, and the admin card
/// "Alipay Service Window (800107)".
/// </summary>
public static class ServiceWindowResources
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".ServiceWindow.";
    private const string FieldPrefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Fields.";

    public static readonly LocaleResource Title = new(Prefix + "Title", "Pay with Alipay", "使用支付寶付款", "使用支付宝付款");

    public static readonly LocaleResource Instructions = new(Prefix + "Instructions",
        "Confirm the payment in the Alipay window that opens. This page updates by itself.",
        "請在彈出的支付寶視窗中確認付款，此頁面會自動更新。",
        "请在弹出的支付宝窗口中确认付款，此页面会自动更新。");

    public static readonly LocaleResource PayButton = new(Prefix + "PayButton", "Pay now", "立即付款", "立即付款");

    public static readonly LocaleResource Confirming = new(Prefix + "Confirming",
        "Confirming your payment with Alipay…",
        "正在與支付寶確認您的付款…",
        "正在与支付宝确认您的付款…");

    public static readonly LocaleResource NotCompleted = new(Prefix + "NotCompleted",
        "The payment was not completed. Tap \"Pay now\" to try again.",
        "付款未完成。請按「立即付款」再試一次。",
        "付款未完成。请点击“立即付款”再试一次。");

    public static readonly LocaleResource NotInAlipay = new(Prefix + "NotInAlipay",
        "This payment works only inside the Alipay app. Open your order in the Alipay app to pay.",
        "此付款方式只能在支付寶應用程式內使用。請在支付寶應用程式中開啟您的訂單付款。",
        "此付款方式只能在支付宝 App 内使用。请在支付宝 App 中打开您的订单付款。");

    public static readonly LocaleResource AdminCard = new(Prefix + "Admin.Card",
        "Alipay Service Window (800107)",
        "支付寶服務窗 (800107)",
        "支付宝服务窗 (800107)");

    public static readonly LocaleResource AdminIntro = new(Prefix + "Admin.Intro",
        "Needed only for pay type 800107, which runs inside the Alipay app. Leave blank to keep 800107 hidden. Register the callback address below for the app on Alipay's open platform.",
        "只有支付類型 800107（在支付寶應用程式內付款）需要。留空則不提供 800107。請在支付寶開放平台為應用登記以下回調地址。",
        "只有支付类型 800107（在支付宝 App 内付款）需要。留空则不提供 800107。请在支付宝开放平台为应用登记以下回调地址。");

    public static readonly LocaleResource AdminCallbackUrl = new(Prefix + "Admin.CallbackUrl", "Authorisation callback address", "授權回調地址", "授权回调地址");

    public static readonly LocaleResource PrivateKeyStored = new(Prefix + "Admin.PrivateKey.Stored",
        "A private key is stored. Leave blank to keep it.",
        "已儲存私鑰。留空即保留。",
        "已保存私钥。留空即保留。");

    public static readonly LocaleResource PrivateKeyNone = new(Prefix + "Admin.PrivateKey.None", "No private key is stored.", "未儲存私鑰。", "未保存私钥。");
    public static readonly LocaleResource PrivateKeyPlaceholder = new(Prefix + "Admin.PrivateKey.Placeholder", "Paste to replace", "貼上以更換", "粘贴以更换");

    public static readonly LocaleResource InvalidApp = new(QfPayAlipayDefaults.LocaleResourcePrefix + ".Validation.AlipayApp.Invalid",
        "The Alipay app settings cannot be used: {0}",
        "支付寶應用設定無法使用：{0}",
        "支付宝应用设置无法使用：{0}");

    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        Title, Instructions, PayButton, Confirming, NotCompleted, NotInAlipay,
        AdminCard, AdminIntro, AdminCallbackUrl, PrivateKeyStored, PrivateKeyNone, PrivateKeyPlaceholder, InvalidApp,
        new(FieldPrefix + "AlipayAppId", "Alipay app ID", "支付寶應用 ID", "支付宝应用 ID"),
        new(FieldPrefix + "AlipayAppId.Hint",
            "The app_id of the store's app on Alipay's open platform.",
            "商店在支付寶開放平台的應用 app_id。",
            "商店在支付宝开放平台的应用 app_id。"),
        new(FieldPrefix + "AlipayAppPrivateKey", "Alipay app private key", "支付寶應用私鑰", "支付宝应用私钥"),
        new(FieldPrefix + "AlipayAppPrivateKey.Hint",
            "The app's RSA2 private key (PKCS#8 or PKCS#1, Base64 or PEM). Write-only: it is never shown again.",
            "應用的 RSA2 私鑰（PKCS#8 或 PKCS#1，Base64 或 PEM）。只寫入，不會再顯示。",
            "应用的 RSA2 私钥（PKCS#8 或 PKCS#1，Base64 或 PEM）。只写入，不会再显示。"),
        new(FieldPrefix + "AlipayPublicKey", "Alipay public key", "支付寶公鑰", "支付宝公钥"),
        new(FieldPrefix + "AlipayPublicKey.Hint",
            "The public key Alipay shows for the app (not the app's own public key).",
            "支付寶為此應用顯示的公鑰（不是應用自己的公鑰）。",
            "支付宝为此应用显示的公钥（不是应用自己的公钥）。"),
        new(FieldPrefix + "AlipayGatewayUrl", "Alipay gateway URL", "支付寶網關網址", "支付宝网关网址"),
        new(FieldPrefix + "AlipayGatewayUrl.Hint", "Leave blank for Alipay's production gateway.", "留空即使用支付寶正式網關。", "留空即使用支付宝正式网关。"),
        new(FieldPrefix + "AlipayAuthorizeUrl", "Alipay authorisation URL", "支付寶授權網址", "支付宝授权网址"),
        new(FieldPrefix + "AlipayAuthorizeUrl.Hint",
            "Leave blank for Alipay's production authorisation page.",
            "留空即使用支付寶正式授權頁面。",
            "留空即使用支付宝正式授权页面。"),
    ];
}
