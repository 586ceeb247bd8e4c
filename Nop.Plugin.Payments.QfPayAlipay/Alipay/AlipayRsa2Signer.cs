using System.Diagnostics.CodeAnalysis;
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
/// checks the decoded values it receives (the same rule as QFPay's, docs/qfpay-protocol.md §11 item 2).
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

/// <summary>
/// Turns the RSA keys an admin pastes into <see cref="RSA"/> objects. Alipay's open platform shows keys as bare
/// Base64 DER (PKCS#8 private key, SubjectPublicKeyInfo public key); its key tool also writes PKCS#1 for non-Java
/// languages, and people paste PEM files. All of those are accepted.
/// </summary>
/// <remarks>
/// Problems are described, never quoted: a message never contains any part of the pasted text, and the
/// <see cref="CryptographicException"/> behind a failed import is swallowed rather than passed on, so that no
/// key material can reach a log or the admin page through an error.
/// </remarks>
public static class AlipayKeyReader
{
    /// <summary>RSA2 is SHA256withRSA with a key of at least 2048 bits (Alipay open platform, "RSA2").</summary>
    public const int MinimumKeySizeInBits = 2048;

    /// <summary>Imports the Alipay app's private key. The caller disposes <paramref name="key"/>.</summary>
    /// <param name="what">How the key is named in a problem, e.g. "The Alipay app private key".</param>
    public static bool TryImportPrivateKey(string? text, [NotNullWhen(true)] out RSA? key, [NotNullWhen(false)] out string? problem,
        string what = "The Alipay app private key")
    {
        key = null;
        if (!TryDecode(text, what, out var der, out var label, out problem))
            return false;

        switch (label)
        {
            case null or "PRIVATE KEY" or "RSA PRIVATE KEY":
                break;
            case "ENCRYPTED PRIVATE KEY":
                problem = $"{what} is password-protected; export it without a password (PKCS#8 or PKCS#1).";
                return false;
            case "PUBLIC KEY" or "RSA PUBLIC KEY" or "CERTIFICATE":
                problem = $"{what} field holds a public key or certificate; paste the app's private key instead.";
                return false;
            default:
                problem = $"{what} is a PEM block of an unsupported kind; use a PKCS#8 or PKCS#1 RSA private key.";
                return false;
        }

        var rsa = RSA.Create();
        // PEM says which layout it is; bare Base64 does not, so both private layouts are tried.
        if ((label is null or "PRIVATE KEY" && TryImport(rsa.ImportPkcs8PrivateKey, der))
            || (label is null or "RSA PRIVATE KEY" && TryImport(rsa.ImportRSAPrivateKey, der)))
        {
            return Accept(rsa, what, ref key, ref problem);
        }

        rsa.Dispose();
        problem = label is null && LooksLikePublicKey(der)
            ? $"{what} field holds a public key; paste the app's private key instead."
            : $"{what} is not an RSA private key in PKCS#8 or PKCS#1 form.";
        return false;
    }

    /// <summary>Imports Alipay's public key (the one Alipay shows for this app). The caller disposes <paramref name="key"/>.</summary>
    public static bool TryImportPublicKey(string? text, [NotNullWhen(true)] out RSA? key, [NotNullWhen(false)] out string? problem,
        string what = "The Alipay public key")
    {
        key = null;
        if (!TryDecode(text, what, out var der, out var label, out problem))
            return false;

        switch (label)
        {
            case null or "PUBLIC KEY" or "RSA PUBLIC KEY":
                break;
            case "CERTIFICATE":
                // Alipay's "public key certificate" mode signs differently (certificate serial numbers); not supported.
                problem = $"{what} is a certificate; this plugin supports Alipay's public-key mode, so paste the Alipay public key.";
                return false;
            case "PRIVATE KEY" or "RSA PRIVATE KEY" or "ENCRYPTED PRIVATE KEY":
                problem = $"{what} field holds a private key; paste the public key Alipay shows for this app.";
                return false;
            default:
                problem = $"{what} is a PEM block of an unsupported kind; use the Alipay public key.";
                return false;
        }

        var rsa = RSA.Create();
        if ((label is null or "PUBLIC KEY" && TryImport(rsa.ImportSubjectPublicKeyInfo, der))
            || (label is null or "RSA PUBLIC KEY" && TryImport(rsa.ImportRSAPublicKey, der)))
        {
            return Accept(rsa, what, ref key, ref problem);
        }

        rsa.Dispose();
        problem = label is null && LooksLikePrivateKey(der)
            ? $"{what} field holds a private key; paste the public key Alipay shows for this app."
            : $"{what} is not an RSA public key (SubjectPublicKeyInfo or PKCS#1).";
        return false;
    }

    private static bool TryDecode(string? text, string what, out byte[] der, out string? label, [NotNullWhen(false)] out string? problem)
    {
        der = [];
        label = null;
        problem = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problem = $"{what} is not configured.";
            return false;
        }

        if (trimmed.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(trimmed, out var fields))
            {
                problem = $"{what} looks like PEM but its BEGIN/END lines or Base64 body are damaged.";
                return false;
            }

            label = trimmed[fields.Label].ToUpperInvariant();
            der = Convert.FromBase64String(trimmed[fields.Base64Data]);
            return true;
        }

        // Keys copied from the open platform page often carry line breaks or spaces.
        var compact = string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[compact.Length];
        if (!Convert.TryFromBase64String(compact, buffer, out var written) || written == 0)
        {
            problem = $"{what} is neither Base64 nor PEM text.";
            return false;
        }

        der = buffer[..written];
        return true;
    }

    private delegate void KeyImport(ReadOnlySpan<byte> source, out int bytesRead);

    /// <summary>Only a key that uses every byte counts: trailing bytes mean the paste is not what it seems.</summary>
    private static bool TryImport(KeyImport import, byte[] der)
    {
        try
        {
            import(der, out var read);
            return read == der.Length;
        }
        catch (CryptographicException)
        {
            // Deliberately dropped: the message could describe the input.
            return false;
        }
    }

    private static bool Accept(RSA rsa, string what, ref RSA? key, ref string? problem)
    {
        if (rsa.KeySize < MinimumKeySizeInBits)
        {
            rsa.Dispose();
            problem = $"{what} has fewer than {MinimumKeySizeInBits} bits; RSA2 needs a 2048-bit key.";
            return false;
        }

        key = rsa;
        return true;
    }

    private static bool LooksLikePublicKey(byte[] der)
    {
        using var probe = RSA.Create();
        return TryImport(probe.ImportSubjectPublicKeyInfo, der) || TryImport(probe.ImportRSAPublicKey, der);
    }

    private static bool LooksLikePrivateKey(byte[] der)
    {
        using var probe = RSA.Create();
        return TryImport(probe.ImportPkcs8PrivateKey, der) || TryImport(probe.ImportRSAPrivateKey, der);
    }
}
