using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client.ClientScenario;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>Neither the key nor a signature may leak through results, exceptions or account printing (docs/qfpay-protocol.md §11.20).</summary>
public class QfPayRedactionTests
{
    private const string V5Signature = "4710BB524AAF16F642D788521110D977";

    [Test]
    public async Task The_request_in_a_result_has_its_signature_redacted_but_keeps_the_fields()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1108"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        var text = result.Request!.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(V5Signature));
            Assert.That(text, Does.Not.Contain(VectorKey));
            Assert.That(text, Does.Contain("X-QF-SIGN: [redacted]"));
            Assert.That(text, Does.Contain("out_trade_no=NOP-10025-1"));
            Assert.That(text, Does.Contain("X-QF-APPCODE: " + AppCode));
        });
    }

    [Test]
    public async Task The_exception_from_a_failed_call_contains_neither_key_nor_signature()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1108", "respmsg": "sign error"}"""));
        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        var exception = result.ToException();

        Assert.Multiple(() =>
        {
            Assert.That(exception.ToString(), Does.Not.Contain(VectorKey));
            Assert.That(exception.ToString(), Does.Not.Contain(V5Signature));
            Assert.That(exception.Message, Does.Contain("1108").And.Contain("sign error").And.Contain("HTTP 200"));
            Assert.That(exception.Request!.Headers, Does.Contain(new KeyValuePair<string, string>("X-QF-SIGN", QfPayRequestSummary.Redacted)));
        });
    }

    [Test]
    public async Task A_key_that_ends_up_inside_a_field_value_is_redacted_too()
    {
        const string key = "SECRETKEY0123456789";
        var (client, handler) = ClientWith(RecordingHandler.Answering("""{"respcd": "1104"}"""));

        var result = await client.CreatePaymentAsync(Account(key: key), V5Payment() with { GoodsName = key });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Form["goods_name"], Is.EqualTo(key), "what was sent is unchanged");
            Assert.That(result.Request!.ToString(), Does.Not.Contain(key));
            Assert.That(result.ToException().ToString(), Does.Not.Contain(key));
        });
    }

    [Test]
    public void Fields_named_like_secrets_are_redacted()
    {
        var summary = QfPayRequestSummary.Create("POST", new Uri("https://qfpay.invalid/trade/v1/refund"),
            [new("key", "abc"), new("client_key", "def"), new("sign", "ghi"), new("txamt", "100")],
            [new("X-QF-SIGN", "ABCDEF"), new("x-qf-sign", "abcdef")], clientKey: null);

        var text = summary.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("abc").And.Not.Contain("def").And.Not.Contain("ghi").And.Not.Contain("ABCDEF"));
            Assert.That(text, Does.Contain("txamt=100"));
        });
    }

    [Test]
    public void An_account_never_prints_its_key()
    {
        var account = Account(merchantId: "ZaMVg12345");

        Assert.Multiple(() =>
        {
            Assert.That(account.ToString(), Does.Not.Contain(VectorKey));
            Assert.That(account.ToString(), Does.Contain("ZaMVg12345"));
        });
    }

    [Test]
    public void A_hand_made_exception_carries_code_message_status_and_request()
    {
        var summary = QfPayRequestSummary.Create("POST", new Uri("https://qfpay.invalid/"), [], [new("X-QF-SIGN", "S")], "k");

        var exception = new QfPayException("Refund failed.", QfPayOutcome.Failed, QfPayProblem.None, "1272", "over refund", 200, summary);

        Assert.Multiple(() =>
        {
            Assert.That(exception.ResponseCode, Is.EqualTo("1272"));
            Assert.That(exception.ResponseMessage, Is.EqualTo("over refund"));
            Assert.That(exception.HttpStatus, Is.EqualTo(200));
            Assert.That(exception.Message, Does.StartWith("Refund failed."));
        });
    }
}
