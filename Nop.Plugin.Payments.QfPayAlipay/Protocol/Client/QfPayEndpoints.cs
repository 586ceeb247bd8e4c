using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>Base URLs (API.md §1.1) and the paths of the three calls the plugin makes.</summary>
public static class QfPayEndpoints
{
    public static Uri TestBaseUrl { get; } = new("https://test-openapi-hk.qfapi.com/");

    public static Uri ProductionBaseUrl { get; } = new("https://openapi-hk.qfapi.com/");

    // Relative (no leading slash) so that a custom base URL with a path prefix keeps it.
    public const string PaymentPath = "trade/v1/payment";

    public const string QueryPath = "trade/v1/query";

    public const string RefundPath = "trade/v1/refund";

    /// <summary>The base URL of <paramref name="environment"/>; <paramref name="customBaseUrl"/> is used only for <see cref="QfPayEnvironment.Custom"/>.</summary>
    public static FieldResult<Uri> BaseUrlFor(QfPayEnvironment environment, string? customBaseUrl = null) => environment switch
    {
        QfPayEnvironment.Test => FieldResult<Uri>.Valid(TestBaseUrl),
        QfPayEnvironment.Production => FieldResult<Uri>.Valid(ProductionBaseUrl),
        QfPayEnvironment.Custom => CheckCustom(customBaseUrl),
        _ => FieldResult<Uri>.Invalid($"Unknown QFPay environment '{environment}'."),
    };

    /// <summary>An absolute http(s) URL without query or fragment, normalised to end with '/'.</summary>
    public static FieldResult<Uri> CheckCustom(string? customBaseUrl)
    {
        if (!Uri.TryCreate(customBaseUrl?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return FieldResult<Uri>.Invalid("The custom QFPay base URL must be an absolute http(s) URL, e.g. https://openapi-sg.qfapi.com or http://127.0.0.1:5080.");

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return FieldResult<Uri>.Invalid("The custom QFPay base URL must not contain a query string or fragment.");

        return FieldResult<Uri>.Valid(WithTrailingSlash(uri));
    }

    /// <summary><paramref name="path"/> under <paramref name="baseUrl"/>, keeping any path prefix of the base.</summary>
    public static Uri Resolve(Uri baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(WithTrailingSlash(baseUrl), path.TrimStart('/'));
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
