namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>Checks <c>return_url</c> and <c>notify_url</c> before they reach QFPay.</summary>
public static class CallbackUrl
{
    /// <summary>Alipay WAP truncates or rejects longer return URLs (API.md §4.3, contradiction C10).</summary>
    public const int ReturnUrlMaxLength = 200;

    /// <summary>String(255) on QFPay's WAP page (API.md §4.2); see <see cref="RecommendedMaxLength"/>.</summary>
    public const int NotifyUrlMaxLength = 255;

    /// <summary>API.md §12 C10 recommends keeping both URLs under 200 characters.</summary>
    public const int RecommendedMaxLength = 200;

    public static FieldResult<string> CheckReturnUrl(string? url) => Check(url, "return_url", ReturnUrlMaxLength,
        "Alipay accepts at most 200 characters; use a short path such as /qfpay/return/12345.");

    public static FieldResult<string> CheckNotifyUrl(string? url) => Check(url, "notify_url", NotifyUrlMaxLength,
        "QFPay accepts at most 255 characters, and recommends fewer than 200.");

    /// <summary>True when <paramref name="url"/> is within QFPay's recommended 200 characters.</summary>
    public static bool IsWithinRecommendedLength(string url) => url.Trim().Length <= RecommendedMaxLength;

    private static FieldResult<string> Check(string? url, string field, int maxLength, string lengthAdvice)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return FieldResult<string>.Invalid($"{field} is empty.");

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return FieldResult<string>.Invalid($"{field} must be an absolute http(s) URL.");

        if (trimmed.Length > maxLength)
            return FieldResult<string>.Invalid($"{field} has {trimmed.Length} characters; {lengthAdvice}");

        return FieldResult<string>.Valid(trimmed);
    }
}
