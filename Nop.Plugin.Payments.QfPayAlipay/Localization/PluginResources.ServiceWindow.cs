using static Nop.Plugin.Payments.QfPayAlipay.Localization.ServiceWindowResources;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>800107 texts: the tradePay page inside the Alipay app and the admin card "Alipay Service Window (800107)".</summary>
public static partial class PluginResources
{
    private static IEnumerable<LocaleResource> ServiceWindow() =>
    [
        R(Title, "Pay with Alipay", "使用支付寶付款", "使用支付宝付款"),
        R(Instructions, "Confirm the payment in the Alipay window that opens. This page updates by itself.",
            "請在彈出的支付寶視窗中確認付款，此頁面會自動更新。", "请在弹出的支付宝窗口中确认付款，此页面会自动更新。"),
        R(PayButton, "Pay now", "立即付款", "立即付款"),
        R(Confirming, "Confirming your payment with Alipay…", "正在與支付寶確認您的付款…", "正在与支付宝确认您的付款…"),
        R(NotCompleted, "The payment was not completed. Tap \"Pay now\" to try again.",
            "付款未完成。請按「立即付款」再試一次。", "付款未完成。请点击“立即付款”再试一次。"),
        R(NotInAlipay, "This payment works only inside the Alipay app. Open your order in the Alipay app to pay.",
            "此付款方式只能在支付寶應用程式內使用。請在支付寶應用程式中開啟您的訂單付款。", "此付款方式只能在支付宝 App 内使用。请在支付宝 App 中打开您的订单付款。"),

        R(AdminCard, "Alipay Service Window (800107)", "支付寶服務窗 (800107)", "支付宝服务窗 (800107)"),
        R(AdminIntro,
            "Needed only for pay type 800107, which runs inside the Alipay app. Leave blank to keep 800107 hidden. Register the callback address below for the app on Alipay's open platform.",
            "只有支付類型 800107（在支付寶應用程式內付款）需要。留空則不提供 800107。請在支付寶開放平台為應用登記以下回調地址。",
            "只有支付类型 800107（在支付宝 App 内付款）需要。留空则不提供 800107。请在支付宝开放平台为应用登记以下回调地址。"),
        R(AdminCallbackUrl, "Authorisation callback address", "授權回調地址", "授权回调地址"),
        R(PrivateKeyStored, "A private key is stored. Leave blank to keep it.", "已儲存私鑰。留空即保留。", "已保存私钥。留空即保留。"),
        R(PrivateKeyNone, "No private key is stored.", "未儲存私鑰。", "未保存私钥。"),
        R(PrivateKeyPlaceholder, "Paste to replace", "貼上以更換", "粘贴以更换"),
        R(InvalidApp, "The Alipay app settings cannot be used: {0}", "支付寶應用設定無法使用：{0}", "支付宝应用设置无法使用：{0}"),

        R(AppIdField, "Alipay app ID", "支付寶應用 ID", "支付宝应用 ID"),
        R(AppIdField + ".Hint", "The app_id of the store's app on Alipay's open platform.", "商店在支付寶開放平台的應用 app_id。", "商店在支付宝开放平台的应用 app_id。"),
        R(PrivateKeyField, "Alipay app private key", "支付寶應用私鑰", "支付宝应用私钥"),
        R(PrivateKeyField + ".Hint", "The app's RSA2 private key (PKCS#8 or PKCS#1, Base64 or PEM). Write-only: it is never shown again.",
            "應用的 RSA2 私鑰（PKCS#8 或 PKCS#1，Base64 或 PEM）。只寫入，不會再顯示。", "应用的 RSA2 私钥（PKCS#8 或 PKCS#1，Base64 或 PEM）。只写入，不会再显示。"),
        R(PublicKeyField, "Alipay public key", "支付寶公鑰", "支付宝公钥"),
        R(PublicKeyField + ".Hint", "The public key Alipay shows for the app (not the app's own public key).",
            "支付寶為此應用顯示的公鑰（不是應用自己的公鑰）。", "支付宝为此应用显示的公钥（不是应用自己的公钥）。"),
        R(GatewayUrlField, "Alipay gateway URL", "支付寶網關網址", "支付宝网关网址"),
        R(GatewayUrlField + ".Hint", "Leave blank for Alipay's production gateway.", "留空即使用支付寶正式網關。", "留空即使用支付宝正式网关。"),
        R(AuthorizeUrlField, "Alipay authorisation URL", "支付寶授權網址", "支付宝授权网址"),
        R(AuthorizeUrlField + ".Hint", "Leave blank for Alipay's production authorisation page.", "留空即使用支付寶正式授權頁面。", "留空即使用支付宝正式授权页面。"),
    ];
}
