namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts of 800107 (Alipay Service Window H5): the tradePay page shoppers see inside the Alipay app, and the admin card.
/// Keys and all three languages in PluginResources.ServiceWindow.cs.
/// </summary>
public static class ServiceWindowResources
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".ServiceWindow.";
    private const string FieldPrefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Fields.";

    public const string Title = Prefix + "Title";
    public const string Instructions = Prefix + "Instructions";
    public const string PayButton = Prefix + "PayButton";
    public const string Confirming = Prefix + "Confirming";
    public const string NotCompleted = Prefix + "NotCompleted";
    public const string NotInAlipay = Prefix + "NotInAlipay";

    public const string AdminCard = Prefix + "Admin.Card";
    public const string AdminIntro = Prefix + "Admin.Intro";
    public const string AdminCallbackUrl = Prefix + "Admin.CallbackUrl";
    public const string PrivateKeyStored = Prefix + "Admin.PrivateKey.Stored";
    public const string PrivateKeyNone = Prefix + "Admin.PrivateKey.None";
    public const string PrivateKeyPlaceholder = Prefix + "Admin.PrivateKey.Placeholder";
    public const string InvalidApp = QfPayAlipayDefaults.LocaleResourcePrefix + ".Validation.AlipayApp.Invalid";

    public const string AppIdField = FieldPrefix + "AlipayAppId";
    public const string PrivateKeyField = FieldPrefix + "AlipayAppPrivateKey";
    public const string PublicKeyField = FieldPrefix + "AlipayPublicKey";
    public const string GatewayUrlField = FieldPrefix + "AlipayGatewayUrl";
    public const string AuthorizeUrlField = FieldPrefix + "AlipayAuthorizeUrl";
}
