namespace QfPaySimulator.Alipay;

/// <summary>
/// The fake <c>publicAppAuthorize.htm</c> (docs/qfpay-protocol.md §10.2 steps 2-3): checks the request as Alipay's authorisation
/// document describes it, then approves <c>auth_base</c> silently (there is no consent screen for it) or, when told to,
/// denies. Problems Alipay would show on its own error page, without ever going back to the shop, give a 400 page here.
/// </summary>
internal sealed class AlipayAuthorizer(SimulatorOptions options, AlipayKeyring keys, AlipayAuthCodeBook codes)
{
    private const int MaxStateLength = 100;

    private volatile bool deny = options.Alipay.DenyAuthorization;

    public bool DenyAuthorization
    {
        get => deny;
        set => deny = value;
    }

    public AuthorizationDecision Decide(IQueryCollection query)
    {
        string? Single(string name) => query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

        var appId = Single("app_id");
        var scope = Single("scope");
        var redirect = Single("redirect_uri");
        var state = Single("state");

        if (appId != keys.AppId)
            return AuthorizationDecision.Refuse("Unknown app", "app_id is missing or is not this simulator's Alipay app.");
        if (scope != "auth_base")
            return AuthorizationDecision.Refuse("Scope not simulated", "Only the silent scope auth_base is simulated.");
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || (redirectUri.Scheme != Uri.UriSchemeHttps && redirectUri.Scheme != Uri.UriSchemeHttp))
            return AuthorizationDecision.Refuse("Bad redirect_uri", "redirect_uri must be an absolute, URL-encoded http(s) address.");
        // Alipay's authorisation document: state is optional, Base64 characters only, at most 100 of them.
        if (state is not null && (state.Length > MaxStateLength || !state.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
            return AuthorizationDecision.Refuse("Bad state", "state may hold only Base64 characters (A-Z a-z 0-9 + / =), at most 100.");

        var back = new List<KeyValuePair<string, string>> { new("app_id", appId), new("scope", scope) };
        if (!deny)
        {
            var user = Single("sim_user") is { Length: > 0 } name ? name : SimulatedAlipayUser.DefaultName;
            back.Add(new("auth_code", codes.Issue(appId, SimulatedAlipayUser.UserIdFor(user))));
        }

        if (state is not null)
            back.Add(new("state", state));

        return AuthorizationDecision.Redirect(Append(redirectUri, back));
    }

    private static Uri Append(Uri target, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = target.Query.TrimStart('?');
        foreach (var (name, value) in parameters)
            query += (query.Length > 0 ? "&" : "") + name + "=" + Uri.EscapeDataString(value);
        return new UriBuilder(target) { Query = query }.Uri;
    }
}

internal sealed record AuthorizationDecision(Uri? RedirectTo, string? Title, string? Text)
{
    public static AuthorizationDecision Redirect(Uri target) => new(target, null, null);

    public static AuthorizationDecision Refuse(string title, string text) => new(null, title, text);
}
