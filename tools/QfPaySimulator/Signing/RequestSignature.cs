using System.Security.Cryptography;
using System.Text;

namespace QfPaySimulator;

/// <summary>
/// QFPay's request signature, written independently of the plugin because the simulator plays QFPay:
/// non-empty fields sorted by name (ordinal), <c>name=value</c> joined by <c>&amp;</c>, the client key appended,
/// MD5 or SHA-256 over the UTF-8 bytes, upper-case hex (docs/qfpay-protocol.md §3.1, §3.3).
/// </summary>
public static class RequestSignature
{
    public static string Compute(
        IEnumerable<KeyValuePair<string, string>> fields, string clientKey, SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(clientKey);

        var bytes = Encoding.UTF8.GetBytes(SigningString(fields) + clientKey);
        var digest = algorithm == SignatureAlgorithm.Sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes);
        return Convert.ToHexString(digest);
    }

    /// <summary>
    /// Compares a presented signature with the expected one ignoring hex case, because QFPay's own samples send
    /// both cases (docs/qfpay-protocol.md §3.2, contradiction C2), in constant time.
    /// </summary>
    public static bool Matches(string? presented, string expected)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length != expected.Length)
            return false;

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(presented.ToUpperInvariant()), Encoding.ASCII.GetBytes(expected.ToUpperInvariant()));
    }

    // Empty values are left out (docs/qfpay-protocol.md §3.2, vector V9); values are not URL-encoded (vector V5).
    private static string SigningString(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields
            .Where(field => !string.IsNullOrEmpty(field.Value))
            .OrderBy(field => field.Key, StringComparer.Ordinal)
            .Select(field => field.Key + "=" + field.Value));
}
