using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// The address that starts Alipay's silent user authorisation (API.md §10.2 step 2):
/// <c>publicAppAuthorize.htm?app_id=..&amp;scope=auth_base&amp;redirect_uri=..&amp;state=..</c>. Alipay answers with a
/// redirect to <c>redirect_uri</c> carrying a one-time <c>auth_code</c> and the same <c>state</c> (§10.2 step 3).
/// </summary>
public static class AlipayAuthorizationRequest
{
    /// <summary>Silent: no consent screen, and all it yields is the user id (§10.2 step 2).</summary>
    public const string SilentScope = "auth_base";

    /// <summary>Alipay's authorisation document limits <c>state</c> to 100 characters.</summary>
    public const int MaxStateLength = 100;

    /// <summary>
    /// Builds the authorisation address. <paramref name="redirectUri"/> must match the callback registered for the app
    /// on Alipay's open platform (§10.2 step 2), or Alipay shows an error instead of coming back.
    /// </summary>
    /// <param name="state">From <see cref="OAuthState.Issue"/>: Alipay returns it unchanged, which is what binds the
    /// callback to this shopper and attempt (CSRF).</param>
    /// <exception cref="ArgumentException">The app id, the redirect address or the state is unusable.</exception>
    public static Uri Build(AlipayOpenApp app, Uri redirectUri, string state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(redirectUri);
        if (string.IsNullOrWhiteSpace(app.AppId))
            throw new ArgumentException("No Alipay app id is configured.", nameof(app));
        if (app.AuthorizeUrl is null || !app.AuthorizeUrl.IsAbsoluteUri)
            throw new ArgumentException("The Alipay authorisation URL must be absolute.", nameof(app));
        if (!redirectUri.IsAbsoluteUri || (redirectUri.Scheme != Uri.UriSchemeHttps && redirectUri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("The redirect address must be an absolute http(s) URL.", nameof(redirectUri));
        if (!IsAcceptableState(state))
        {
            throw new ArgumentException(
                $"The state must be 1 to {MaxStateLength} characters of A-Z, a-z, 0-9, '+', '/' or '=' (Alipay's rule).", nameof(state));
        }

        var query = new StringBuilder(app.AuthorizeUrl.Query.TrimStart('?'));
        Append(query, "app_id", app.AppId);
        Append(query, "scope", SilentScope);
        Append(query, "redirect_uri", redirectUri.AbsoluteUri);
        Append(query, "state", state);
        return new UriBuilder(app.AuthorizeUrl) { Query = query.ToString() }.Uri;
    }

    /// <summary>
    /// Alipay's authorisation document allows only Base64 characters in <c>state</c> (letters, digits, '+', '/', '='),
    /// at most 100 of them; <see cref="OAuthState"/> produces exactly that.
    /// </summary>
    public static bool IsAcceptableState(string? state) =>
        !string.IsNullOrEmpty(state) && state.Length <= MaxStateLength && state.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=');

    private static void Append(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
            query.Append('&');
        // Percent-encoding throughout, so '+' in the state survives as '+' rather than turning into a space.
        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
