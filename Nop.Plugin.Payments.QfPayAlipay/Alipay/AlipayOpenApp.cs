using System.Net;
using System.Security.Cryptography;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// The store's Alipay open-platform app, needed only for 800107 "Alipay Service Window H5" (docs/qfpay-protocol.md §10.2): QFPay has
/// no helper that yields the shopper's Alipay user id (§10.1, unlike its WeChat helpers), so the shop asks Alipay itself,
/// through its own app.
/// </summary>
/// <param name="AppId">The open-platform <c>app_id</c>. Whose app this must be (the merchant's own or one bound by QFPay)
/// is an open question (docs/qfpay-protocol.md §13 item 11).</param>
/// <param name="PrivateKey">The app's RSA2 private key (Base64 DER PKCS#8/PKCS#1, or PEM). A secret like the QFPay client
/// key: never logged, never shown, never in an exception or <see cref="ToString"/>.</param>
/// <param name="AlipayPublicKey">The public key Alipay shows for this app; verifies Alipay's answers. Not the app's own
/// public key.</param>
public sealed record AlipayOpenApp(string AppId, string PrivateKey, string AlipayPublicKey)
{
    public const string ProductionGatewayUrl = "https://openapi.alipay.com/gateway.do";

    /// <summary>Alipay's sandbox gateway. The sandbox's authorisation host is shown in its console; it is not assumed here.</summary>
    public const string SandboxGatewayUrl = "https://openapi-sandbox.dl.alipaydev.com/gateway.do";

    /// <summary>Where the shopper's browser goes for the silent <c>auth_base</c> authorisation (docs/qfpay-protocol.md §10.2 step 2).</summary>
    public const string ProductionAuthorizeUrl = "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm";

    /// <summary>Alipay documents no client timeout; the token call is small, so 15 s is generous (Inferred, like docs/qfpay-protocol.md §2.4).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public Uri GatewayUrl { get; init; } = new(ProductionGatewayUrl);

    public Uri AuthorizeUrl { get; init; } = new(ProductionAuthorizeUrl);

    /// <summary>Overall time allowed for one <c>alipay.system.oauth.token</c> call.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Why this app cannot be used, or null. Keys are parsed here; problems describe them without quoting them.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(AppId))
            return "No Alipay app id is configured.";
        if (AppId.Trim() != AppId || AppId.Any(char.IsWhiteSpace))
            return "The Alipay app id contains spaces; enter it again.";

        if (CheckUrl(GatewayUrl, "gateway") is { } gatewayProblem)
            return gatewayProblem;
        if (CheckUrl(AuthorizeUrl, "authorisation") is { } authorizeProblem)
            return authorizeProblem;

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
            return "The Alipay timeout must be positive and at most 5 minutes.";

        if (!AlipayKeyReader.TryImportPrivateKey(PrivateKey, out var privateKey, out var privateProblem))
            return privateProblem;
        using (privateKey)
        {
            if (!AlipayKeyReader.TryImportPublicKey(AlipayPublicKey, out var alipayKey, out var publicProblem))
                return publicProblem;
            using (alipayKey)
            {
                // The commonest mix-up: the app's own public key pasted where Alipay's belongs. Every answer would then
                // fail verification, which looks like forgery; say what it really is.
                if (SameModulus(privateKey, alipayKey))
                    return "The Alipay public key field holds this app's own public key; paste the Alipay public key shown for the app instead.";
            }
        }

        return null;
    }

    /// <summary>Never prints the private key.</summary>
    public override string ToString() =>
        $"AlipayOpenApp {{ AppId = {AppId}, GatewayUrl = {GatewayUrl}, AuthorizeUrl = {AuthorizeUrl}, Timeout = {Timeout}, PrivateKey = [redacted] }}";

    private static string? CheckUrl(Uri? url, string name)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return $"The Alipay {name} URL must be an absolute https URL.";

        // Plain http only for a local stand-in (the simulator): the shopper's browser and the token exchange must not
        // travel in clear text to anything real.
        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            return $"The Alipay {name} URL must use https (http is accepted only for a local simulator).";

        return null;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool SameModulus(RSA privateKey, RSA publicKey) =>
        privateKey.ExportParameters(false).Modulus is { } a
        && publicKey.ExportParameters(false).Modulus is { } b
        && a.AsSpan().SequenceEqual(b);
}
