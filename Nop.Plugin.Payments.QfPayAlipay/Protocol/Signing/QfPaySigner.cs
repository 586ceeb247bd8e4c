using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

/// <summary>
/// The request signature of docs/qfpay-protocol.md §3: drop empty fields, sort by name (ordinal), join raw
/// <c>name=value</c> pairs with <c>&amp;</c>, append the client key, hash the UTF-8 bytes, upper-case hex.
/// </summary>
/// <remarks>
/// The signer signs exactly the values it is given: it never trims, encodes or normalises, because QFPay
/// hashes what arrives and "sign what you send, send what you sign" (§11.2). Trimming happens once,
/// earlier, where the request's fields are built, so that the trimmed value is both signed and sent.
/// </remarks>
public static class QfPaySigner
{
    /// <summary>
    /// The fields that are signed and sent: empty and null values dropped (§3.1 step 2, §12 C1), sorted by
    /// name in byte order (step 3).
    /// </summary>
    /// <exception cref="ArgumentException">A field name appears twice or is blank.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> SignedFields(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        var kept = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A request field has no name.", nameof(fields));
            if (!names.Add(name))
                throw new ArgumentException($"Request field '{name}' appears twice.", nameof(fields));
            if (!string.IsNullOrEmpty(value))
                kept.Add(new KeyValuePair<string, string>(name, value));
        }

        kept.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return kept;
    }

    /// <summary>The sorted <c>name=value&amp;...</c> part, without the key (safe to show in a test or a bug report).</summary>
    public static string BuildCanonicalString(IEnumerable<KeyValuePair<string, string?>> fields) =>
        string.Join('&', SignedFields(fields).Select(static field => field.Key + "=" + field.Value));

    /// <summary>
    /// The exact text that is hashed: canonical string immediately followed by the key (§3.1 step 5, no
    /// separator). Contains the key: for tests only, never log it (§11.20).
    /// </summary>
    public static string BuildStringToSign(IEnumerable<KeyValuePair<string, string?>> fields, string clientKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientKey);
        return BuildCanonicalString(fields) + clientKey;
    }

    /// <summary>The <c>X-QF-SIGN</c> value: upper-case hex (§3.2, §12 C2).</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string?>> fields, string clientKey, QfPaySignType signType = QfPaySignType.Md5)
    {
        var bytes = Encoding.UTF8.GetBytes(BuildStringToSign(fields, clientKey));
        try
        {
            var digest = signType switch
            {
                QfPaySignType.Md5 => MD5.HashData(bytes),
                QfPaySignType.Sha256 => SHA256.HashData(bytes),
                _ => throw new ArgumentOutOfRangeException(nameof(signType), signType, "Unknown signature type."),
            };
            return Convert.ToHexString(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}

/// <summary>Request signature algorithm (docs/qfpay-protocol.md §3.1 step 6).</summary>
public enum QfPaySignType
{
    /// <summary>QFPay's default when <c>X-QF-SIGNTYPE</c> is absent; used by every QFPay sample.</summary>
    Md5,

    /// <summary>Recommended by QFPay; must be announced with <c>X-QF-SIGNTYPE: SHA256</c>.</summary>
    Sha256,
}

/// <summary>Authentication headers of every API request (docs/qfpay-protocol.md §2.2).</summary>
public static class QfPayHeaders
{
    public const string AppCode = "X-QF-APPCODE";

    public const string Sign = "X-QF-SIGN";

    public const string SignType = "X-QF-SIGNTYPE";

    /// <summary>
    /// <c>X-QF-APPCODE</c> and <c>X-QF-SIGN</c>, plus <c>X-QF-SIGNTYPE: SHA256</c> only when SHA-256 was
    /// used. MD5 is QFPay's default when the header is absent (§2.2) and every MD5 sample omits it, so
    /// leaving it out for MD5 is the form QFPay has certainly seen.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForRequest(string appCode, string signature, QfPaySignType signType)
    {
        ArgumentException.ThrowIfNullOrEmpty(appCode);
        ArgumentException.ThrowIfNullOrEmpty(signature);

        var headers = new List<KeyValuePair<string, string>>(3)
        {
            new(AppCode, appCode),
            new(Sign, signature),
        };
        if (signType == QfPaySignType.Sha256)
            headers.Add(new(SignType, "SHA256"));

        return headers;
    }
}
