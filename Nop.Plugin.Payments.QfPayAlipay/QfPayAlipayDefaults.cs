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

    public static string ViewPath(string viewName) => $"{PluginFolder}/Views/{viewName}.cshtml";
}
