using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.AlipayTestKeys;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

public class AlipayRsa2SignerTests
{
    private static readonly DateTimeOffset VectorTime = new(2025, 3, 18, 14, 15, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<KeyValuePair<string, string?>> VectorParameters() =>
        AlipayOAuthTokenRequest.Parameters("2021000000000001", "4b203fe6c11548bcabd8da5bb087a83b", VectorTime);

    [Test]
    public void The_string_to_sign_is_every_parameter_but_sign_sorted_by_name_with_raw_values()
    {
        var text = AlipayRsa2Signer.StringToSign(
        [
            new("timestamp", "2025-03-18 14:15:00"),
            new("sign", "ignored"),
            new("biz", "a&b=c+d 中"),
            new("sign_type", "RSA2"),
            new("empty", ""),
            new("missing", null),
            new("app_id", "2021"),
            new("B", "upper case sorts first"),
        ]);

        Assert.That(text, Is.EqualTo("B=upper case sorts first&app_id=2021&biz=a&b=c+d 中&sign_type=RSA2&timestamp=2025-03-18 14:15:00"));
    }

    [Test]
    public void The_token_request_signs_the_common_parameters_and_the_code_in_china_time()
    {
        var utc = VectorTime.ToUniversalTime();

        var text = AlipayRsa2Signer.StringToSign(AlipayOAuthTokenRequest.Parameters("2021000000000001", "4b203fe6c11548bcabd8da5bb087a83b", utc));

        Assert.That(text, Is.EqualTo(VectorRequestStringToSign));
    }

    [Test]
    public void A_parameter_given_twice_cannot_be_signed()
    {
        Assert.That(() => AlipayRsa2Signer.StringToSign([new("code", "a"), new("code", "b")]), Throws.ArgumentException);
    }

    [Test]
    public void The_fixed_key_reproduces_the_openssl_request_signature()
    {
        using var key = Private(FixedPrivateKey);

        Assert.That(AlipayRsa2Signer.SignParameters(VectorParameters(), key), Is.EqualTo(VectorRequestSign));
    }

    [Test]
    public void The_openssl_response_signature_over_utf8_text_verifies_with_the_fixed_public_key()
    {
        using var key = Public(FixedPublicKey);

        Assert.Multiple(() =>
        {
            Assert.That(AlipayRsa2Signer.Verify(VectorResponseContent, VectorResponseSign, key), Is.True);
            Assert.That(AlipayRsa2Signer.Verify(VectorResponseContent.Replace("无效", "有效"), VectorResponseSign, key), Is.False);
        });
    }

    [Test]
    public void A_signature_made_with_the_app_key_verifies_with_its_public_key_and_nothing_else()
    {
        using var appKey = Private(AppPrivateKey);
        using var appPublic = Public(AppPublicKey);
        using var otherPublic = Public(AlipayPublicKey);
        const string content = "app_id=2021&code=abc&sign_type=RSA2";

        var sign = AlipayRsa2Signer.Sign(content, appKey);

        Assert.Multiple(() =>
        {
            Assert.That(AlipayRsa2Signer.Verify(content, sign, appPublic), Is.True);
            Assert.That(AlipayRsa2Signer.Verify(content + "x", sign, appPublic), Is.False);
            Assert.That(AlipayRsa2Signer.Verify(content, sign, otherPublic), Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not base64 at all!")]
    [TestCase("AAAA")]
    public void A_missing_or_malformed_signature_simply_does_not_verify(string? sign)
    {
        using var key = Public(FixedPublicKey);

        Assert.That(AlipayRsa2Signer.Verify(VectorResponseContent, sign, key), Is.False);
    }
}
