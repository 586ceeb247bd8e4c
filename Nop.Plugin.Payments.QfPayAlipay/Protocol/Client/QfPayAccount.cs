using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// One merchant's credentials and host. Passed to every call because each store may have its own
/// (docs/qfpay-protocol.md §2.3, §11.21). <see cref="MerchantId"/> (<c>mchid</c>) is sent only when QFPay issued one:
/// sending it empty or unissued breaks the call (§2.3, §11.15).
/// </summary>
/// <param name="BaseUrl">From <see cref="QfPayEndpoints.BaseUrlFor"/>.</param>
/// <param name="AppCode">Sent as <c>X-QF-APPCODE</c>.</param>
/// <param name="ClientKey">The signing secret; never sent, logged or printed.</param>
/// <param name="MerchantId">The <c>mchid</c>, or null/blank when QFPay issued none.</param>
/// <param name="SignType">Request signature algorithm.</param>
public sealed record QfPayAccount(Uri BaseUrl, string AppCode, string ClientKey, string? MerchantId = null, QfPaySignType SignType = QfPaySignType.Md5)
{
    public QfPayTimeouts Timeouts { get; init; } = QfPayTimeouts.Default;

    /// <summary>The <c>mchid</c> to send, or null.</summary>
    public string? MerchantIdToSend => string.IsNullOrWhiteSpace(MerchantId) ? null : MerchantId.Trim();

    /// <summary>Why this account cannot be used, or null. Secrets are described, never quoted.</summary>
    public string? Validate()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
            return "The QFPay base URL must be an absolute http(s) URL.";

        if (string.IsNullOrWhiteSpace(AppCode))
            return "No QFPay app code is configured.";

        if (AppCode.Trim() != AppCode)
            return "The QFPay app code has leading or trailing spaces; enter it again.";

        if (string.IsNullOrEmpty(ClientKey))
            return "No QFPay client key is configured.";

        // A pasted key with a stray space signs everything wrongly (1108) and is hard to spot.
        if (ClientKey.Trim() != ClientKey)
            return "The QFPay client key has leading or trailing spaces; enter it again.";

        if (!Enum.IsDefined(SignType))
            return $"Unknown signature type '{SignType}'.";

        return Timeouts?.Validate() ?? (Timeouts is null ? "No QFPay timeouts are set." : null);
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"QfPayAccount {{ BaseUrl = {BaseUrl}, AppCode = {AppCode}, MerchantId = {MerchantIdToSend ?? "(none)"}, SignType = {SignType}, ClientKey = {QfPayRequestSummary.Redacted} }}";
}

/// <summary>
/// Overall time allowed per call. QFPay documents none; these follow docs/qfpay-protocol.md §2.4's recommendation
/// (30 s for payment and refund, 15 s for query). A call that runs out of time has an unknown outcome,
/// never a failure.
/// </summary>
public sealed record QfPayTimeouts(TimeSpan Payment, TimeSpan Refund, TimeSpan Query)
{
    public static QfPayTimeouts Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));

    /// <summary>CancellationTokenSource accepts at most int.MaxValue milliseconds.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(int.MaxValue);

    internal string? Validate()
    {
        foreach (var (name, value) in new[] { (nameof(Payment), Payment), (nameof(Refund), Refund), (nameof(Query), Query) })
        {
            if (value <= TimeSpan.Zero || value > Longest)
                return $"The {name.ToLowerInvariant()} timeout must be positive and at most {Longest.TotalDays:0} days.";
        }

        return null;
    }
}

/// <summary>Which QFPay host a store talks to (docs/qfpay-protocol.md §1.1).</summary>
public enum QfPayEnvironment
{
    /// <summary>Live Testing, <c>https://test-openapi-hk.qfapi.com</c>: real wallets, real money, not settled (§1.4).</summary>
    Test,

    /// <summary><c>https://openapi-hk.qfapi.com</c>.</summary>
    Production,

    /// <summary>Any absolute http(s) URL: a regional host (§1.3) or a local simulator.</summary>
    Custom,
}

/// <summary>Base URLs (docs/qfpay-protocol.md §1.1) and the paths of the three calls the plugin makes.</summary>
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
