namespace Nop.Plugin.Payments.QfPayAlipay;

/// <summary>
/// Names shared by the payment method, controllers, routes, views and locale resources.
/// </summary>
public static class QfPayAlipayDefaults
{
    /// <summary>Stored in Order.PaymentMethodSystemName and PaymentSettings.ActivePaymentMethodSystemNames.</summary>
    public const string SystemName = "Payments.QfPayAlipay";

    /// <summary>The plugin folder under ~/Plugins; view paths depend on it.</summary>
    public const string PluginFolder = "~/Plugins/" + SystemName;

    public const string LocaleResourcePrefix = "Plugins.Payments.QfPayAlipay";

    public const string AdminControllerName = "PaymentQfPayAlipay";

    /// <summary>
    /// Where QFPay posts notifications, relative to the store URL (served by the notification route).
    /// QFPay registers one such URL per app code (docs/qfpay-protocol.md §6.1), so it must not depend on the language.
    /// </summary>
    public const string NotificationPath = "Plugins/QfPayAlipay/Notify";

    /// <summary>Name of the reconciliation task in Admin > System > Schedule tasks.</summary>
    public const string ReconciliationTaskName = "QFPay Alipay reconciliation";

    /// <summary>Full type name nopCommerce resolves the reconciliation task by (no assembly, like bundled plugins).</summary>
    public const string ReconciliationTaskType = "Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation.ReconciliationTask";

    /// <summary>The task wakes every 10 minutes; each store's own interval setting throttles it further.</summary>
    public const int ReconciliationTaskSeconds = 600;

    /// <summary>return_url: prefix of the return page, followed by the attempt's out_trade_no (kept short, docs/qfpay-protocol.md §4.3).</summary>
    public const string ReturnPathPrefix = "Plugins/QfPayAlipay/Return/";

    /// <summary>Prefix of the problem page, followed by the order GUID.</summary>
    public const string PaymentProblemPathPrefix = "Plugins/QfPayAlipay/PaymentProblem/";

    /// <summary>
    /// Shopper pages, each followed by the order GUID (never the order number: it must not be guessable, and the
    /// resume link works without a session, e.g. copied from an in-app browser into Safari).
    /// </summary>
    public const string OpenInBrowserPathPrefix = "Plugins/QfPayAlipay/OpenInBrowser/";

    /// <summary>Sends the shopper to a payment link that is still open, or starts a new attempt (issue #7).</summary>
    public const string ResumePathPrefix = "Plugins/QfPayAlipay/Resume/";

    /// <summary>The desktop page with the QR code.</summary>
    public const string ScanPathPrefix = "Plugins/QfPayAlipay/Scan/";

    /// <summary>The small JSON status endpoint the desktop page polls.</summary>
    public const string StatusPathPrefix = "Plugins/QfPayAlipay/Status/";

    /// <summary>Where Alipay's silent authorisation comes back for 800107; register it as the app's callback address.</summary>
    public const string AlipayCallbackPath = "Plugins/QfPayAlipay/AlipayCallback";

    /// <summary>Route names of the checkout and settlement pages (Infrastructure/RouteProvider).</summary>
    public static class Routes
    {
        public const string Notify = "Plugin.Payments.QfPayAlipay.Notify";

        public const string Return = "Plugin.Payments.QfPayAlipay.Return";

        public const string PaymentProblem = "Plugin.Payments.QfPayAlipay.PaymentProblem";

        public const string OpenInBrowser = "Plugin.Payments.QfPayAlipay.OpenInBrowser";

        public const string Resume = "Plugin.Payments.QfPayAlipay.Resume";

        public const string Scan = "Plugin.Payments.QfPayAlipay.Scan";

        public const string Status = "Plugin.Payments.QfPayAlipay.Status";

        public const string AlipayCallback = "Plugin.Payments.QfPayAlipay.AlipayCallback";
    }

    public static string ViewPath(string viewName) => $"{PluginFolder}/Views/{viewName}.cshtml";
}
