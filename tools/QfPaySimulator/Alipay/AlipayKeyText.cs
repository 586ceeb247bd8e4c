using System.Security.Cryptography;

namespace QfPaySimulator.Alipay;

/// <summary>Reads the key texts of <see cref="AlipaySimulatorOptions"/>: PEM, or bare Base64 DER in either usual layout.</summary>
internal static class AlipayKeyText
{
    public static RSA ReadPrivate(string text, string option) => Read(text, option, isPrivate: true);

    public static RSA ReadPublic(string text, string option) => Read(text, option, isPrivate: false);

    private static RSA Read(string text, string option, bool isPrivate)
    {
        var rsa = RSA.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                var der = Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
                if (!(isPrivate
                    ? TryImport(() => rsa.ImportPkcs8PrivateKey(der, out _)) || TryImport(() => rsa.ImportRSAPrivateKey(der, out _))
                    : TryImport(() => rsa.ImportSubjectPublicKeyInfo(der, out _)) || TryImport(() => rsa.ImportRSAPublicKey(der, out _))))
                {
                    throw new CryptographicException();
                }
            }

            if (isPrivate && !HasPrivatePart(rsa))
                throw new CryptographicException();
            return rsa;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            // Never quote the key, nor the crypto library's message about it.
            throw new ArgumentException($"{option} is not an RSA {(isPrivate ? "private" : "public")} key (Base64 DER or PEM).");
        }
    }

    public static byte[] Pkcs8Of(RSA rsa) => rsa.ExportPkcs8PrivateKey();

    public static byte[] SpkiOf(RSA rsa) => rsa.ExportSubjectPublicKeyInfo();

    private static bool TryImport(Action import)
    {
        try
        {
            import();
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool HasPrivatePart(RSA rsa)
    {
        try
        {
            return rsa.ExportParameters(true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
