namespace QfPaySimulator;

/// <summary>
/// What a shop needs to talk to the fake Alipay: the app id, the app's private key (to sign requests; null when the
/// simulator was given only the public key), and Alipay's public key (to verify answers). All Base64 DER: PKCS#8 for
/// the private key, SubjectPublicKeyInfo for the public ones. Test keys: never use them anywhere real.
/// </summary>
public sealed record SimulatedAlipayApp(string AppId, string? AppPrivateKey, string AppPublicKey, string AlipayPublicKey)
{
    /// <summary>Keeps even a test private key out of logs and assertion messages.</summary>
    public override string ToString() =>
        $"SimulatedAlipayApp {{ AppId = {AppId}, AppPrivateKey = {(AppPrivateKey is null ? "(not known)" : "[redacted]")}, AppPublicKey = {AppPublicKey}, AlipayPublicKey = {AlipayPublicKey} }}";
}
