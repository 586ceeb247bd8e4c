using System.Security.Cryptography;

namespace QfPaySimulator.Alipay;

/// <summary>
/// The fake Alipay's keys: the app's public key (checks request signatures) and Alipay's private key (signs answers),
/// with the public halves a shop needs. Keys not configured come from <see cref="GeneratedKeys"/>, made once per process:
/// a 2048-bit key takes a moment, and every test starts its own simulator.
/// </summary>
/// <remarks>RSA objects are not shared between requests (their thread safety is not promised): each use imports the
/// stored DER into a fresh one.</remarks>
internal sealed class AlipayKeyring
{
    private readonly Lazy<Material> material;

    public AlipayKeyring(SimulatorOptions options)
    {
        var alipay = options.Alipay;
        material = new Lazy<Material>(() => Resolve(alipay), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string AppId => material.Value.App.AppId;

    /// <summary>The app and public keys as a test or the start-up banner hands them to a shop.</summary>
    public SimulatedAlipayApp App => material.Value.App;

    public RSA CreateAppPublicKey() => ImportPublic(material.Value.AppPublicKey);

    public RSA CreateAlipayPrivateKey()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(material.Value.AlipayPrivateKey, out _);
        return rsa;
    }

    /// <summary>Parses the configured keys (generating none) and checks that a configured app key pair belongs together.</summary>
    public static void Check(AlipaySimulatorOptions options)
    {
        if (options.AppPrivateKey is not null)
            AppKeysFrom(options);
        else if (options.AppPublicKey is { } appPublicText)
            AlipayKeyText.ReadPublic(appPublicText, "Alipay.AppPublicKey").Dispose();
        if (options.AlipayPrivateKey is { } alipayText)
            AlipayKeyText.ReadPrivate(alipayText, "Alipay.AlipayPrivateKey").Dispose();
    }

    /// <summary>The configured app private key's PKCS#8 and public SPKI, the latter checked against a configured public key.</summary>
    private static (byte[] Private, byte[] Public) AppKeysFrom(AlipaySimulatorOptions options)
    {
        using var rsa = AlipayKeyText.ReadPrivate(options.AppPrivateKey!, "Alipay.AppPrivateKey");
        var appPrivate = AlipayKeyText.Pkcs8Of(rsa);
        var appPublic = AlipayKeyText.SpkiOf(rsa);
        if (options.AppPublicKey is { } given)
        {
            using var configured = AlipayKeyText.ReadPublic(given, "Alipay.AppPublicKey");
            if (!AlipayKeyText.SpkiOf(configured).AsSpan().SequenceEqual(appPublic))
                throw new ArgumentException("Alipay.AppPublicKey does not belong to Alipay.AppPrivateKey.");
        }

        return (appPrivate, appPublic);
    }

    private static Material Resolve(AlipaySimulatorOptions options)
    {
        byte[]? appPrivate = null;
        byte[] appPublic;
        if (options.AppPrivateKey is not null)
        {
            (appPrivate, appPublic) = AppKeysFrom(options);
        }
        else if (options.AppPublicKey is { } appPublicText)
        {
            using var rsa = AlipayKeyText.ReadPublic(appPublicText, "Alipay.AppPublicKey");
            appPublic = AlipayKeyText.SpkiOf(rsa);
        }
        else
        {
            appPrivate = GeneratedKeys.App.Value;
            using var rsa = ImportPrivate(appPrivate);
            appPublic = AlipayKeyText.SpkiOf(rsa);
        }

        byte[] alipayPrivate;
        if (options.AlipayPrivateKey is { } alipayText)
        {
            using var rsa = AlipayKeyText.ReadPrivate(alipayText, "Alipay.AlipayPrivateKey");
            alipayPrivate = AlipayKeyText.Pkcs8Of(rsa);
        }
        else
        {
            alipayPrivate = GeneratedKeys.Alipay.Value;
        }

        byte[] alipayPublic;
        using (var rsa = ImportPrivate(alipayPrivate))
            alipayPublic = AlipayKeyText.SpkiOf(rsa);

        var app = new SimulatedAlipayApp(
            options.AppId,
            appPrivate is null ? null : Convert.ToBase64String(appPrivate),
            Convert.ToBase64String(appPublic),
            Convert.ToBase64String(alipayPublic));
        return new Material(app, appPublic, alipayPrivate);
    }

    private static RSA ImportPrivate(byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return rsa;
    }

    private static RSA ImportPublic(byte[] spki)
    {
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(spki, out _);
        return rsa;
    }

    private sealed record Material(SimulatedAlipayApp App, byte[] AppPublicKey, byte[] AlipayPrivateKey);

    /// <summary>Test keys for runs that configure none: fresh per process, never written anywhere.</summary>
    private static class GeneratedKeys
    {
        public static readonly Lazy<byte[]> App = new(Generate);

        public static readonly Lazy<byte[]> Alipay = new(Generate);

        private static byte[] Generate()
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        }
    }
}
