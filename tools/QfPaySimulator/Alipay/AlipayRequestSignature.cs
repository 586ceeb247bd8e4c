using System.Security.Cryptography;
using System.Text;

namespace QfPaySimulator.Alipay;

/// <summary>
/// Checks a gateway request's RSA2 signature the way Alipay documents it: every parameter except <c>sign</c> with a
/// non-empty value (so <c>sign_type</c> counts), sorted by name, raw <c>name=value</c> joined with <c>&amp;</c>, UTF-8,
/// SHA256withRSA with PKCS#1 v1.5, Base64. Written apart from the plugin's signer on purpose, so each checks the other.
/// </summary>
public static class AlipayRequestSignature
{
    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "sign" && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public static bool Verify(IEnumerable<KeyValuePair<string, string>> parameters, string signature, RSA appPublicKey)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            return appPublicKey.VerifyData(Encoding.UTF8.GetBytes(StringToSign(parameters)), bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Signs like a shop would; for tests that need a request the simulator accepts (or, with another key, rejects).</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, RSA privateKey) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(StringToSign(parameters)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
}
