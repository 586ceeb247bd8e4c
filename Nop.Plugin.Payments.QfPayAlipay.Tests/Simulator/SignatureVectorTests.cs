using System.Text;
using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

/// <summary>
/// The simulator signs and verifies with its own code, so it is pinned to the shared vectors
/// (docs/qfpay-protocol.md §3.5 and §6.8) rather than to the plugin.
/// </summary>
[TestFixture]
public sealed class SignatureVectorTests
{
    [Test]
    public void The_simulator_reproduces_every_request_signature_vector()
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.SharedFile("qfpay", "signature-vectors.json")));

        Assert.That(vectors.RootElement.GetArrayLength(), Is.EqualTo(11));
        Assert.Multiple(() =>
        {
            var number = 0;
            foreach (var vector in vectors.RootElement.EnumerateArray())
            {
                number++;
                var fields = vector.GetProperty("params").EnumerateObject()
                    .Select(field => new KeyValuePair<string, string>(field.Name, field.Value.GetString()!));
                var algorithm = vector.GetProperty("algorithm").GetString() == "SHA256" ? SignatureAlgorithm.Sha256 : SignatureAlgorithm.Md5;

                var signature = RequestSignature.Compute(fields, vector.GetProperty("key").GetString()!, algorithm);

                Assert.That(signature, Is.EqualTo(vector.GetProperty("expected_sign").GetString()), $"vector V{number}");
            }
        });
    }

    [Test]
    public void A_signature_matches_whatever_its_hex_case()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestSignature.Matches("fe90e1859af37371a06415cf19f6614f", "FE90E1859AF37371A06415CF19F6614F"), Is.True);
            Assert.That(RequestSignature.Matches("FE90E1859AF37371A06415CF19F6614E", "FE90E1859AF37371A06415CF19F6614F"), Is.False);
            Assert.That(RequestSignature.Matches("", "FE90E1859AF37371A06415CF19F6614F"), Is.False);
        });
    }

    [Test]
    public void The_notification_formatter_reproduces_both_notification_vectors_byte_for_byte_from_their_field_values()
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.SharedFile("qfpay", "notification-vectors.json")));

        Assert.That(vectors.RootElement.GetArrayLength(), Is.EqualTo(2));
        foreach (var vector in vectors.RootElement.EnumerateArray())
        {
            var rawBody = vector.GetProperty("raw_body").GetString()!;
            var values = JsonDocument.Parse(rawBody).RootElement.EnumerateObject()
                .ToDictionary(field => field.Name, field => field.Value.GetString()!);

            // Built from the values alone: the field order comes from NotificationContent, not from the vector.
            var content = new NotificationContent
            {
                Status = values["status"],
                PayType = values["pay_type"],
                Sysdtm = values["sysdtm"],
                Paydtm = values["paydtm"],
                GoodsName = values["goods_name"],
                Txcurrcd = values["txcurrcd"],
                Txdtm = values["txdtm"],
                Mchid = values["mchid"],
                Txamt = values["txamt"],
                ExchangeRate = values["exchange_rate"],
                Chnlsn2 = values["chnlsn2"],
                OutTradeNo = values["out_trade_no"],
                Syssn = values["syssn"],
                CashFeeType = values["cash_fee_type"],
                Cancel = values["cancel"],
                Respcd = values["respcd"],
                GoodsInfo = values["goods_info"],
                CashFee = values["cash_fee"],
                NotifyType = values["notify_type"],
                Chnlsn = values["chnlsn"],
                Cardcd = values["cardcd"],
            };

            var body = Encoding.UTF8.GetBytes(content.ToBody());

            Assert.That(body, Is.EqualTo(Encoding.UTF8.GetBytes(rawBody)), "body bytes");
            Assert.That(NotificationSignature.Compute(body, vector.GetProperty("key").GetString()!),
                Is.EqualTo(vector.GetProperty("expected_sign").GetString()), "signature");
        }
    }

    [Test]
    public void The_notification_formatter_escapes_like_python_json_dumps()
    {
        // Expected text produced by Python 3: json.dumps({...}) with default arguments.
        var body = NotificationBodyFormatter.Format(
        [
            new("q", "a\"b\\c/d"),
            new("ctl", "\n\r\t\b\f\u0001\u001f\u007f"),
            new("u", "é測😀"),
            new("k\u00e9", "x"),
        ]);

        Assert.That(body, Is.EqualTo(
            "{\"q\": \"a\\\"b\\\\c/d\", \"ctl\": \"\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\", \"u\": \"\\u00e9\\u6e2c\\ud83d\\ude00\", \"k\\u00e9\": \"x\"}"));
    }

    [Test]
    public void An_empty_notification_is_an_empty_object()
    {
        Assert.That(NotificationBodyFormatter.Format([]), Is.EqualTo("{}"));
    }
}
