using QfPaySimulator.Alipay;

namespace QfPaySimulator;

/// <summary>
/// The fake Alipay open platform behind 800107 (docs/qfpay-protocol.md §10.2): one open-platform app, its RSA key pair, and Alipay's own
/// key pair for that app. Keys not given are generated once per process (2048-bit RSA) and are test keys only.
/// Keys are Base64 DER (PKCS#8 private, SubjectPublicKeyInfo public) or PEM.
/// </summary>
public sealed class AlipaySimulatorOptions
{
    /// <summary>A made-up app id in Alipay's 16-digit shape.</summary>
    public const string DemoAppId = "2021000000000001";

    public string AppId { get; set; } = DemoAppId;

    /// <summary>The app's private key, only so that <see cref="QfPaySimulatorHost.AlipayApp"/> can hand it to a test; the
    /// simulator itself never signs with it. Generated with the app's public key when both are null.</summary>
    public string? AppPrivateKey { get; set; }

    /// <summary>The app's public key, which checks request signatures; derived from <see cref="AppPrivateKey"/> when null.</summary>
    public string? AppPublicKey { get; set; }

    /// <summary>"Alipay's" private key for this app, which signs every answer; generated when null.</summary>
    public string? AlipayPrivateKey { get; set; }

    /// <summary>The authorisation page sends the shopper back without an auth_code (see the README for why that shape).</summary>
    public bool DenyAuthorization { get; set; }

    /// <summary>How long an unused auth_code stays valid; third-party write-ups say a day (docs/qfpay-protocol.md §10.2 step 3).</summary>
    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromDays(1);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(AppId) || AppId.Any(char.IsWhiteSpace))
            throw new ArgumentException("Alipay.AppId must be set and contain no spaces.");
        if (AuthCodeLifetime <= TimeSpan.Zero)
            throw new ArgumentException("Alipay.AuthCodeLifetime must be positive.");

        // Parsing now turns a bad key into a start-up error instead of a confusing 40002 later. Messages name the
        // option, never the key.
        AlipayKeyring.Check(this);
    }
}
