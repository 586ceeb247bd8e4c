using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// <c>alipay.system.oauth.token</c> with <c>grant_type=authorization_code</c>: trades the one-time <c>auth_code</c>
/// from the authorisation callback for the shopper's user id (API.md §10.2 step 4).
/// </summary>
public static class AlipayOAuthTokenRequest
{
    public const string Method = "alipay.system.oauth.token";

    public const string GrantType = "authorization_code";

    /// <summary>Alipay's gateway reads <c>timestamp</c> as China Standard Time, which has no daylight saving.</summary>
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>Auth codes Alipay issues are 32 characters; anything far longer is not one.</summary>
    public const int MaxAuthCodeLength = 128;

    /// <summary>Whether <paramref name="authCode"/> can be sent at all: non-blank, short, no spaces or control characters.</summary>
    public static bool IsPlausibleAuthCode(string? authCode) =>
        !string.IsNullOrEmpty(authCode) && authCode.Length <= MaxAuthCodeLength && authCode.All(c => c > ' ' && c < '\u007f');

    /// <summary>
    /// The gateway's common parameters (app_id, method, format, charset, sign_type, timestamp, version) and the method's
    /// own (grant_type, code), unsigned. None is ever empty, so none drops out of the signature.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Parameters(string appId, string authCode, DateTimeOffset now) =>
    [
        new("app_id", appId),
        new("method", Method),
        new("format", "JSON"),
        new("charset", "utf-8"),
        new("sign_type", AlipayRsa2Signer.SignType),
        new("timestamp", Timestamp(now)),
        new("version", "1.0"),
        new("grant_type", GrantType),
        new("code", authCode),
    ];

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> in China time (UTC+8).</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
