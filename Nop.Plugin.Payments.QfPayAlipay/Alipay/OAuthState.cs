using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// The <c>state</c> that travels through Alipay's authorisation and back (docs/qfpay-protocol.md §10.2 steps 2-3), protecting the
/// callback: it names the attempt being paid (<c>reference</c>), expires, and carries an HMAC-SHA256 over both and over
/// the shopper's session, so a callback cannot be forged, pointed at another attempt, or replayed into another browser
/// or after expiry. Alipay's one-time <c>auth_code</c> stops a replay of the same callback from yielding a user id twice.
/// </summary>
/// <remarks>
/// Layout before Base64: version (1 byte), expiry in Unix seconds (8, big-endian), random nonce (8), reference length
/// (1) and UTF-8 bytes (at most <see cref="MaxReferenceBytes"/>), then the first 16 bytes of the HMAC. The session
/// binding is covered by the HMAC but not carried: it never leaves the server. At most 74 bytes, so at most 100 Base64
/// characters, which is Alipay's limit for <c>state</c> (see <see cref="AlipayAuthorizationRequest.IsAcceptableState"/>).
/// Standard Base64 rather than base64url because Alipay allows only '+', '/' and '=' besides letters and digits.
/// Every server of a web farm needs the same key.
/// </remarks>
public sealed class OAuthState
{
    public const int MaxReferenceBytes = 40;

    public const int MinimumKeyBytes = 32;

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private const byte Version = 1;
    private const int NonceBytes = 8;
    private const int MacBytes = 16;
    private const int HeaderBytes = 1 + 8 + NonceBytes + 1;
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("QfPayAlipay/alipay-oauth-state/v1\0");

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <param name="key">A secret of at least 32 random bytes, kept by the store (never the QFPay key or an Alipay key).</param>
    /// <param name="timeProvider">The clock for expiry; the system clock when null.</param>
    public OAuthState(ReadOnlySpan<byte> key, TimeProvider? timeProvider = null)
    {
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"The state key must be at least {MinimumKeyBytes} bytes.", nameof(key));

        _key = key.ToArray();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A new state for one authorisation round trip.</summary>
    /// <param name="reference">What the callback continues, e.g. the order's or attempt's number; at most 40 UTF-8 bytes.
    /// It is readable by anyone who sees the URL, so nothing secret.</param>
    /// <param name="sessionBinding">Something only this shopper's browser session has (e.g. the customer GUID from the
    /// session cookie). Not carried in the state; required again by <see cref="Verify"/>.</param>
    /// <param name="lifetime">How long the shopper has to come back; at most an hour (silent authorisation takes seconds).</param>
    public string Issue(string reference, string sessionBinding, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentException.ThrowIfNullOrEmpty(sessionBinding);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"The state lifetime must be positive and at most {MaxLifetime}.");

        var referenceBytes = Encoding.UTF8.GetBytes(reference);
        if (referenceBytes.Length > MaxReferenceBytes)
            throw new ArgumentException($"The reference must be at most {MaxReferenceBytes} UTF-8 bytes.", nameof(reference));

        var payload = new byte[HeaderBytes + referenceBytes.Length];
        payload[0] = Version;
        var expires = _timeProvider.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1, 8), expires);
        RandomNumberGenerator.Fill(payload.AsSpan(9, NonceBytes));
        payload[HeaderBytes - 1] = (byte)referenceBytes.Length;
        referenceBytes.CopyTo(payload, HeaderBytes);

        return Convert.ToBase64String([.. payload, .. Mac(payload, sessionBinding)]);
    }

    /// <summary>
    /// Checks a state that came back on the callback. The HMAC is checked before anything in the state is trusted, and
    /// in constant time; expiry after that.
    /// </summary>
    public OAuthStateCheck Verify(string? state, string sessionBinding)
    {
        ArgumentNullException.ThrowIfNull(sessionBinding);
        if (string.IsNullOrEmpty(state))
            return OAuthStateCheck.Fail(OAuthStateVerdict.Missing);

        // A '+' that reached the callback unencoded is read back as a space by form/query decoding.
        var text = state.Replace(' ', '+');
        var bytes = new byte[text.Length];
        if (text.Length > AlipayAuthorizationRequest.MaxStateLength
            || !Convert.TryFromBase64String(text, bytes, out var length)
            || length < HeaderBytes + MacBytes
            || bytes[0] != Version
            || bytes[HeaderBytes - 1] > MaxReferenceBytes
            || length != HeaderBytes + bytes[HeaderBytes - 1] + MacBytes)
        {
            return OAuthStateCheck.Fail(OAuthStateVerdict.Malformed);
        }

        var payload = bytes.AsSpan(0, length - MacBytes);
        var mac = bytes.AsSpan(length - MacBytes, MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload, sessionBinding)))
            return OAuthStateCheck.Fail(OAuthStateVerdict.Forged);

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.Slice(1, 8)));
        string reference;
        try
        {
            reference = new UTF8Encoding(false, true).GetString(payload[HeaderBytes..]);
        }
        catch (DecoderFallbackException)
        {
            return OAuthStateCheck.Fail(OAuthStateVerdict.Malformed);
        }

        return _timeProvider.GetUtcNow() >= expiresAt
            ? new OAuthStateCheck(OAuthStateVerdict.Expired, reference, expiresAt)
            : new OAuthStateCheck(OAuthStateVerdict.Valid, reference, expiresAt);
    }

    /// <summary>
    /// The reference a state claims, WITHOUT checking it: only for choosing the session binding when the binding is
    /// derived from the reference itself (e.g. the order a callback continues). Always pass the result through
    /// <see cref="Verify"/> before acting on it; null when the text is not shaped like a state.
    /// </summary>
    public static string? ReadReferenceUnverified(string? state)
    {
        if (string.IsNullOrEmpty(state))
            return null;

        var text = state.Replace(' ', '+');
        var bytes = new byte[text.Length];
        if (text.Length > AlipayAuthorizationRequest.MaxStateLength
            || !Convert.TryFromBase64String(text, bytes, out var length)
            || length < HeaderBytes + MacBytes
            || bytes[HeaderBytes - 1] > MaxReferenceBytes
            || length != HeaderBytes + bytes[HeaderBytes - 1] + MacBytes)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, HeaderBytes, bytes[HeaderBytes - 1]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => "OAuthState { Key = [redacted] }";

    private byte[] Mac(ReadOnlySpan<byte> payload, string sessionBinding)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Purpose);
        hmac.AppendData(payload);
        hmac.AppendData([0]);
        hmac.AppendData(Encoding.UTF8.GetBytes(sessionBinding));
        return hmac.GetHashAndReset()[..MacBytes];
    }
}

public enum OAuthStateVerdict
{
    Valid,

    /// <summary>The callback carried no state: not started by this shop, or Alipay dropped it.</summary>
    Missing,

    /// <summary>Not a state this shop writes.</summary>
    Malformed,

    /// <summary>The HMAC does not match: altered, made with another key, or sent from another session.</summary>
    Forged,

    /// <summary>Authentic but too old: start the authorisation again.</summary>
    Expired,
}

/// <summary>The verdict on a returned state. <see cref="Reference"/> is set for <see cref="OAuthStateVerdict.Valid"/> and
/// <see cref="OAuthStateVerdict.Expired"/> (authentic in both cases, so the shop knows which attempt to restart).</summary>
public sealed record OAuthStateCheck(OAuthStateVerdict Verdict, string? Reference, DateTimeOffset? ExpiresAt)
{
    public bool IsValid => Verdict == OAuthStateVerdict.Valid;

    internal static OAuthStateCheck Fail(OAuthStateVerdict verdict) => new(verdict, null, null);
}

/// <summary>
/// The address that starts Alipay's silent user authorisation (docs/qfpay-protocol.md §10.2 step 2):
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
