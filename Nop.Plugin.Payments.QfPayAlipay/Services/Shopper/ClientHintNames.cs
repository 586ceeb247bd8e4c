namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Keys <see cref="BrowserClassifier"/> reads from its client-hints dictionary. The three <c>Sec-CH-UA*</c>
/// headers are Chromium's low-entropy hints, sent on every HTTPS request without <c>Accept-CH</c>, so a
/// caller just copies them from the request. Keys are matched case-insensitively (HTTP/2 lower-cases them).
/// </summary>
public static class ClientHintNames
{
    /// <summary><c>?1</c> mobile, <c>?0</c> not.</summary>
    public const string Mobile = "Sec-CH-UA-Mobile";

    /// <summary>A quoted string: <c>"Android"</c>, <c>"iOS"</c>, <c>"Windows"</c>, <c>"macOS"</c>, <c>"Linux"</c>, <c>"Chrome OS"</c>.</summary>
    public const string Platform = "Sec-CH-UA-Platform";

    /// <summary>The brand list; an Android web view says <c>"Android WebView"</c> in it.</summary>
    public const string Brands = "Sec-CH-UA";

    /// <summary>
    /// Not an HTTP header: <c>navigator.maxTouchPoints</c> as reported by a plugin page's own script,
    /// the only way to tell an iPad from a Mac when both send the same UA. Optional.
    /// </summary>
    public const string MaxTouchPoints = "Max-Touch-Points";

    /// <summary>The HTTP headers worth copying from the request.</summary>
    public static IReadOnlyList<string> Headers { get; } = [Mobile, Platform, Brands];
}
