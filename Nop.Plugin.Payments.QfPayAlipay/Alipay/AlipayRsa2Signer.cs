using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// Alipay's RSA2 signature (Alipay open platform, "signing"): SHA256withRSA, PKCS#1 v1.5 padding, Base64.
/// Requests sign the string of every parameter except <c>sign</c> (so <c>sign_type</c> is included) whose value is
/// not empty, sorted by name, joined as raw <c>name=value</c> pairs with <c>&amp;</c>, as UTF-8. Responses sign the
/// exact JSON text of their <c>*_response</c> member (see <see cref="AlipayResponseEnvelope"/>).
/// </summary>
/// <remarks>
/// Values are signed raw, before form encoding, exactly as given: nothing here trims or escapes, because the gateway
/// checks the decoded values it receives (the same rule as QFPay's, API.md §11 item 2).
/// </remarks>
public static class AlipayRsa2Signer
{
    public const string SignType = "RSA2";

    public const string SignParameter = "sign";

    /// <summary>
    /// The exact text a request signature covers. Holds no secret, so a test may assert it byte for byte; it still holds
    /// the one-time <c>auth_code</c>, so it is not logged either.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter name is blank or appears twice.</exception>
    public static string StringToSign(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        var kept = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A parameter has no name.", nameof(parameters));
            if (!names.Add(name))
                throw new ArgumentException($"Parameter '{name}' appears twice.", nameof(parameters));
            if (name != SignParameter && !string.IsNullOrEmpty(value))
                kept.Add(new KeyValuePair<string, string>(name, value));
        }

        // Alipay's SDKs sort with a TreeMap/ordinal comparison of the names: byte order for the ASCII names used here.
        kept.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join('&', kept.Select(static p => p.Key + "=" + p.Value));
    }

    /// <summary>The <c>sign</c> value for these parameters.</summary>
    public static string SignParameters(IEnumerable<KeyValuePair<string, string?>> parameters, RSA privateKey) =>
        Sign(StringToSign(parameters), privateKey);

    /// <summary>Base64 of SHA256withRSA (PKCS#1 v1.5) over the UTF-8 bytes of <paramref name="content"/>.</summary>
    public static string Sign(string content, RSA privateKey)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(privateKey);
        return Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>True only for a well-formed Base64 signature that verifies over the UTF-8 bytes of <paramref name="content"/>.</summary>
    public static bool Verify(string content, string? signature, RSA publicKey)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Verify(Encoding.UTF8.GetBytes(content), signature, publicKey);
    }

    /// <summary>True only for a well-formed Base64 signature that verifies over exactly these bytes.</summary>
    public static bool Verify(ReadOnlySpan<byte> content, string? signature, RSA publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(signature))
            return false;

        var bytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, bytes, out var written) || written == 0)
            return false;

        try
        {
            return publicKey.VerifyData(content, bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            // A signature of the wrong length for the key, for instance: simply not authentic.
            return false;
        }
    }
}
