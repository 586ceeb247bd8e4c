using Nop.Plugin.Payments.QfPayAlipay.Alipay;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

/// <summary>
/// Reads the store's Alipay open-platform app (needed only for 800107, API.md §10.2) out of the plugin settings. Blank
/// gateway and authorisation addresses mean Alipay's production ones, so a real store fills in only the app id and keys.
/// </summary>
public static class AlipayAppSettings
{
    /// <summary>Whether the admin has entered anything for the app; nothing at all means 800107 is simply not set up.</summary>
    public static bool IsStarted(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !string.IsNullOrWhiteSpace(settings.AlipayAppId)
            || !string.IsNullOrWhiteSpace(settings.AlipayAppPrivateKey)
            || !string.IsNullOrWhiteSpace(settings.AlipayPublicKey);
    }

    /// <summary>
    /// The app when it validates, else null and the reason. The reason comes from <see cref="AlipayOpenApp.Validate"/>,
    /// which describes keys without quoting them, so it may be logged.
    /// </summary>
    public static AlipayOpenApp? TryRead(QfPayAlipaySettings settings, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsStarted(settings))
        {
            problem = "the Alipay open-platform app (app id, app private key, Alipay public key) is not configured";
            return null;
        }

        if (!TryUrl(settings.AlipayGatewayUrl, AlipayOpenApp.ProductionGatewayUrl, out var gateway)
            || !TryUrl(settings.AlipayAuthorizeUrl, AlipayOpenApp.ProductionAuthorizeUrl, out var authorize))
        {
            problem = "the Alipay gateway or authorisation URL is not an absolute URL";
            return null;
        }

        var app = new AlipayOpenApp(settings.AlipayAppId?.Trim() ?? string.Empty, settings.AlipayAppPrivateKey ?? string.Empty,
            settings.AlipayPublicKey ?? string.Empty)
        {
            GatewayUrl = gateway,
            AuthorizeUrl = authorize,
        };

        problem = app.Validate()?.TrimEnd('.');
        return problem is null ? app : null;
    }

    private static bool TryUrl(string? configured, string production, out Uri url) =>
        Uri.TryCreate(string.IsNullOrWhiteSpace(configured) ? production : configured.Trim(), UriKind.Absolute, out url!);
}
