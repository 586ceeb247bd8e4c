namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts of the shopper pages of issue #7 that are not in-app guidance (that is <see cref="Services.Shopper.ShopperGuidanceTexts"/>):
/// the desktop QR page and its live status, and the in-app page's links. Keys and English here; Chinese in
/// PluginResources.Shopper.cs.
/// </summary>
public static class ShopperPageResources
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Shopper.";

    public const string ScanTitle = Prefix + "Scan.Title";
    public const string ScanInstructions = Prefix + "Scan.Instructions";
    public const string ScanQrAlt = Prefix + "Scan.QrAlt";
    public const string ScanAmount = Prefix + "Scan.Amount";
    public const string ScanLinkHint = Prefix + "Scan.LinkHint";
    public const string StatusPending = Prefix + "Status.Pending";
    public const string StatusPaid = Prefix + "Status.Paid";
    public const string StatusFailed = Prefix + "Status.Failed";
    public const string StatusExpired = Prefix + "Status.Expired";
    public const string StatusNoScript = Prefix + "Status.NoScript";
    public const string OpenInBrowserLinkLabel = Prefix + "OpenInBrowser.LinkLabel";

    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>
    {
        [ScanTitle] = "Scan to pay with Alipay",
        [ScanInstructions] = "Scan this code with your phone's camera or the Alipay app. The payment opens on your phone.",
        [ScanQrAlt] = "QR code of the payment link",
        [ScanAmount] = "Amount: {0}",
        [ScanLinkHint] = "Or open this link on your phone:",
        [StatusPending] = "Waiting for your payment…",
        [StatusPaid] = "Payment received. Taking you to your order…",
        [StatusFailed] = "The payment was not completed. Nothing has been charged.",
        [StatusExpired] = "The payment link expired. Scan the code again to start a new payment.",
        [StatusNoScript] = "This page cannot update itself without JavaScript. After paying on your phone, view your order to see its status.",
        [OpenInBrowserLinkLabel] = "Payment link:",
    };
}
