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
    /// QFPay registers one such URL per app code (API.md §6.1), so it must not depend on the language.
    /// </summary>
    public const string NotificationPath = "Plugins/QfPayAlipay/Notify";

    /// <summary>Name of the reconciliation task in Admin > System > Schedule tasks.</summary>
    public const string ReconciliationTaskName = "QFPay Alipay reconciliation";

    /// <summary>Full type name nopCommerce resolves the reconciliation task by (no assembly, like bundled plugins).</summary>
    public const string ReconciliationTaskType = "Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation.ReconciliationTask";

    /// <summary>The task wakes every 10 minutes; each store's own interval setting throttles it further.</summary>
    public const int ReconciliationTaskSeconds = 600;

    /// <summary>return_url: prefix of the return page, followed by the attempt's out_trade_no (kept short, API.md §4.3).</summary>
    public const string ReturnPathPrefix = "Plugins/QfPayAlipay/Return/";

    /// <summary>Prefix of the problem page, followed by the order GUID.</summary>
    public const string PaymentProblemPathPrefix = "Plugins/QfPayAlipay/PaymentProblem/";

    /// <summary>Route names of the checkout and settlement pages (Infrastructure/RouteProvider).</summary>
    public static class Routes
    {
        public const string Notify = "Plugin.Payments.QfPayAlipay.Notify";

        public const string Return = "Plugin.Payments.QfPayAlipay.Return";

        public const string PaymentProblem = "Plugin.Payments.QfPayAlipay.PaymentProblem";
    }

    public static string ViewPath(string viewName) => $"{PluginFolder}/Views/{viewName}.cshtml";
}
