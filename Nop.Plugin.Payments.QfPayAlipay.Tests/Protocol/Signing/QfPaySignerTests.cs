using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Signing;

public class QfPaySignerTests
{
    private const string VectorKey = "F3A1C9E7B2D84A6F9C0E1B5D7A3F2C8E";

    [TestCaseSource(typeof(SignatureVector), nameof(SignatureVector.Cases))]
    public void Every_shared_vector_is_reproduced_from_params_key_and_algorithm(SignatureVector vector)
    {
        Assert.That(QfPaySigner.Sign(vector.Params, vector.Key, vector.Algorithm), Is.EqualTo(vector.ExpectedSign));
    }

    [Test]
    public void The_shared_vector_file_holds_the_eleven_documented_vectors()
    {
        Assert.That(SignatureVector.Load(), Has.Count.EqualTo(11));
    }

    [Test]
    public void The_string_to_sign_for_V1_is_the_sorted_pairs_followed_directly_by_the_key()
    {
        var v1 = SignatureVector.Load()[0];

        Assert.That(QfPaySigner.BuildStringToSign(v1.Params, v1.Key), Is.EqualTo("abc=value1&bad=value3&bcd=value2Key"));
    }

    [Test]
    public void The_string_to_sign_for_V5_keeps_spaces_and_url_characters_unencoded()
    {
        var v5 = SignatureVector.Load()[4];

        Assert.That(QfPaySigner.BuildCanonicalString(v5.Params), Is.EqualTo(
            "expired_time=30&goods_name=Order 10025&notify_url=https://shop.example.com/qfpay/notify&out_trade_no=NOP-10025-1" +
            "&pay_type=801512&return_url=https://shop.example.com/qfpay/return?orderId=10025&lang=en&txamt=12800&txcurrcd=HKD" +
            "&txdtm=2025-03-18 14:05:09"));
    }

    [Test]
    public void The_string_to_sign_for_V7_contains_the_chinese_goods_name_as_is()
    {
        var v7 = SignatureVector.Load()[6];

        Assert.That(QfPaySigner.BuildStringToSign(v7.Params, v7.Key), Is.EqualTo(
            "goods_name=測試商品&mchid=ZaMVg12345&out_trade_no=NOP-10026-1&pay_type=801107&return_url=https://shop.example.com/qfpay/return" +
            "&txamt=5000&txcurrcd=HKD&txdtm=2025-03-18 14:10:00" + VectorKey));
    }

    [Test]
    public void The_empty_udid_of_V9_is_left_out_of_the_string_to_sign()
    {
        var v9 = SignatureVector.Load()[8];

        Assert.That(QfPaySigner.BuildCanonicalString(v9.Params), Is.EqualTo(
            "goods_name=Order 10027&openid=2088802811715388&out_trade_no=NOP-10027-1&pay_type=800107&txamt=300&txcurrcd=HKD&txdtm=2025-03-18 14:15:00"));
    }

    [Test]
    public void Null_and_empty_values_are_dropped_but_whitespace_is_signed_exactly_as_given()
    {
        var fields = new Dictionary<string, string?> { ["b"] = "", ["a"] = null, ["c"] = " x ", ["d"] = "1" };

        Assert.That(QfPaySigner.BuildCanonicalString(fields), Is.EqualTo("c= x &d=1"));
    }

    [Test]
    public void Names_are_sorted_by_ordinal_byte_order_not_by_culture()
    {
        var fields = new Dictionary<string, string?> { ["b"] = "1", ["B"] = "2", ["a_b"] = "3", ["ab"] = "4" };

        Assert.That(QfPaySigner.BuildCanonicalString(fields), Is.EqualTo("B=2&a_b=3&ab=4&b=1"));
    }

    [Test]
    public void A_non_ascii_goods_name_is_hashed_as_utf8()
    {
        var fields = new Dictionary<string, string?> { ["goods_name"] = "測試商品" };
        var expected = Convert.ToHexString(System.Security.Cryptography.MD5.HashData("goods_name=測試商品k"u8.ToArray()));

        Assert.That(QfPaySigner.Sign(fields, "k"), Is.EqualTo(expected));
    }

    [Test]
    public void Signatures_are_upper_case_hex_of_the_algorithms_length()
    {
        var fields = new Dictionary<string, string?> { ["a"] = "1" };

        Assert.Multiple(() =>
        {
            Assert.That(QfPaySigner.Sign(fields, "k", QfPaySignType.Md5), Does.Match("^[0-9A-F]{32}$"));
            Assert.That(QfPaySigner.Sign(fields, "k", QfPaySignType.Sha256), Does.Match("^[0-9A-F]{64}$"));
        });
    }

    [Test]
    public void A_field_given_twice_is_refused_rather_than_signed_ambiguously()
    {
        var fields = new[] { new KeyValuePair<string, string?>("a", "1"), new KeyValuePair<string, string?>("a", "2") };

        Assert.That(() => QfPaySigner.Sign(fields, "k"), Throws.ArgumentException);
    }

    [Test]
    public void A_missing_key_is_refused()
    {
        Assert.That(() => QfPaySigner.Sign(new Dictionary<string, string?> { ["a"] = "1" }, ""), Throws.ArgumentException);
    }
}
