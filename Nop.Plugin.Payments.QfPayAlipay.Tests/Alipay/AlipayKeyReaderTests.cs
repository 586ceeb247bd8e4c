using System.Security.Cryptography;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.AlipayTestKeys;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

public class AlipayKeyReaderTests
{
    private static string Pkcs1PrivateKey()
    {
        using var rsa = Private(FixedPrivateKey);
        return Convert.ToBase64String(rsa.ExportRSAPrivateKey());
    }

    private static IEnumerable<TestCaseData> AcceptedPrivateKeys()
    {
        yield return new TestCaseData(FixedPrivateKey).SetName("Base64 PKCS#8, as the open platform shows it");
        yield return new TestCaseData(string.Join("\r\n", FixedPrivateKey.Chunk(76).Select(c => new string(c)))).SetName("Base64 with line breaks");
        yield return new TestCaseData(Pem("PRIVATE KEY", FixedPrivateKey)).SetName("PEM PKCS#8");
        yield return new TestCaseData(Pkcs1PrivateKey()).SetName("Base64 PKCS#1, from Alipay's key tool for non-Java languages");
        yield return new TestCaseData(Pem("RSA PRIVATE KEY", Pkcs1PrivateKey())).SetName("PEM PKCS#1");
    }

    [TestCaseSource(nameof(AcceptedPrivateKeys))]
    public void A_private_key_is_accepted_in_every_usual_form(string text)
    {
        var accepted = AlipayKeyReader.TryImportPrivateKey(text, out var key, out var problem);
        using (key)
        {
            Assert.That(accepted, Is.True, problem);
            using var publicKey = Public(FixedPublicKey);
            Assert.That(AlipayRsa2Signer.Verify("x", AlipayRsa2Signer.Sign("x", key!), publicKey), Is.True);
        }
    }

    [Test]
    public void A_public_key_is_accepted_as_base64_and_as_pem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AlipayKeyReader.TryImportPublicKey(FixedPublicKey, out var fromBase64, out _), Is.True);
            Assert.That(AlipayKeyReader.TryImportPublicKey(Pem("PUBLIC KEY", FixedPublicKey), out var fromPem, out _), Is.True);
            fromBase64?.Dispose();
            fromPem?.Dispose();
        });
    }

    private static IEnumerable<TestCaseData> RefusedPrivateKeys()
    {
        yield return new TestCaseData(null, "not configured").SetName("nothing");
        yield return new TestCaseData("   ", "not configured").SetName("blanks");
        yield return new TestCaseData("this is not a key", "neither Base64 nor PEM").SetName("text");
        yield return new TestCaseData(FixedPublicKey, "holds a public key").SetName("a public key");
        yield return new TestCaseData(Pem("PUBLIC KEY", FixedPublicKey), "holds a public key").SetName("a PEM public key");
        yield return new TestCaseData(Pem("ENCRYPTED PRIVATE KEY", FixedPrivateKey), "password-protected").SetName("an encrypted PEM key");
        yield return new TestCaseData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN", "damaged").SetName("a cut-off PEM key");
        yield return new TestCaseData(Convert.ToBase64String(new byte[300]), "not an RSA private key").SetName("Base64 of zeros");
        yield return new TestCaseData(Convert.ToBase64String([.. Convert.FromBase64String(FixedPrivateKey), 0, 0, 0]), "not an RSA private key")
            .SetName("a key with bytes after it");
    }

    [TestCaseSource(nameof(RefusedPrivateKeys))]
    public void A_wrong_private_key_is_refused_with_a_reason_that_quotes_none_of_it(string? text, string reason)
    {
        var accepted = AlipayKeyReader.TryImportPrivateKey(text, out var key, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.False);
            Assert.That(key, Is.Null);
            Assert.That(problem, Does.Contain(reason));
            Assert.That(problem, Does.Not.Contain("MII").And.Not.Contain(FixedPrivateKey[40..60]));
        });
    }

    [Test]
    public void A_private_key_pasted_as_alipays_public_key_is_refused_without_echoing_it()
    {
        var accepted = AlipayKeyReader.TryImportPublicKey(FixedPrivateKey, out _, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.False);
            Assert.That(problem, Does.Contain("holds a private key"));
            Assert.That(problem, Does.Not.Contain(FixedPrivateKey[40..60]));
        });
    }

    [Test]
    public void A_certificate_is_refused_because_certificate_mode_is_not_supported()
    {
        Assert.That(AlipayKeyReader.TryImportPublicKey(Pem("CERTIFICATE", FixedPublicKey), out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("certificate"));
    }

    [Test]
    public void A_key_shorter_than_2048_bits_is_refused_for_rsa2()
    {
        using var weak = RSA.Create(1024);

        Assert.That(AlipayKeyReader.TryImportPrivateKey(Convert.ToBase64String(weak.ExportPkcs8PrivateKey()), out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("2048"));
    }
}
