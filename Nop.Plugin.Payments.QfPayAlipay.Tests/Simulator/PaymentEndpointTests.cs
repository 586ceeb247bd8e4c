using System.Net;
using System.Text;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

[TestFixture]
public sealed class PaymentEndpointTests : SimulatorRigFixture
{
    [Test]
    public async Task A_valid_801512_payment_is_created_with_a_cashier_pay_url()
    {
        var fields = SimulatorClient.PaymentFields("NOP-1-1");

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reply.Respcd, Is.EqualTo("0000"));
            Assert.That(reply["syssn"], Does.Match("^[0-9]{26}$"));
            Assert.That(reply["pay_url"], Is.EqualTo(new Uri(Rig.Host.BaseAddress, "cashier/" + reply["syssn"]).ToString()));
            Assert.That(reply["out_trade_no"], Is.EqualTo("NOP-1-1"));
            Assert.That(reply["txamt"], Is.EqualTo("12800"));
            Assert.That(reply["txcurrcd"], Is.EqualTo("HKD"));
            Assert.That(reply["pay_type"], Is.EqualTo("801512"));
            Assert.That(reply["txdtm"], Is.EqualTo(fields["txdtm"]));
            Assert.That(reply["sysdtm"], Does.Match(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));
        });
    }

    [Test]
    public async Task Every_payment_gets_its_own_syssn()
    {
        var first = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-2-1"));
        var second = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-2-2"));

        Assert.That(first["syssn"], Is.Not.EqualTo(second["syssn"]));
    }

    [Test]
    public async Task An_800107_payment_returns_pay_params_with_an_alipay_trade_number()
    {
        var fields = SimulatorClient.PaymentFields("NOP-3-1", payType: "800107");
        fields["openid"] = "2088802811715388";

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
        Assert.That(reply.Json.GetProperty("pay_params").GetProperty("tradeNO").GetString(), Does.Match("^[0-9]{28}$"));
        Assert.That(reply.Json.TryGetProperty("pay_url", out _), Is.False);
    }

    [Test]
    public async Task An_800107_payment_without_openid_is_refused_with_1104()
    {
        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-4-1", payType: "800107"));

        Assert.That(reply.Respcd, Is.EqualTo("1104"));
        Assert.That(reply["respmsg"], Does.Contain("openid"));
    }

    [Test]
    public async Task An_unknown_app_code_is_refused_with_1106_saying_the_app_code_is_unknown()
    {
        using var stranger = Rig.ClientFor(new SimulatedMerchant("00000000000000000000000000000000", "whatever"));

        var reply = await stranger.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-5-1"));

        Assert.That(reply.Respcd, Is.EqualTo("1106"));
        Assert.That(reply["respmsg"], Does.Contain("app code").And.Contain("unknown"));
    }

    [Test]
    public async Task A_signature_made_with_the_wrong_key_is_refused_with_1108()
    {
        using var impostor = Rig.ClientFor(Rig.Host.DefaultMerchant with { ClientKey = "not-the-key" });

        var reply = await impostor.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-6-1"));

        Assert.That(reply.Respcd, Is.EqualTo("1108"));
    }

    [Test]
    public async Task A_field_sent_but_not_signed_breaks_the_signature()
    {
        var fields = SimulatorClient.PaymentFields("NOP-7-1");
        var signature = RequestSignature.Compute(fields, Rig.Host.DefaultMerchant.ClientKey, SignatureAlgorithm.Md5);
        fields["udid"] = "till-7";

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields, adjust: request =>
        {
            request.Headers.Remove("X-QF-SIGN");
            request.Headers.Add("X-QF-SIGN", signature);
        });

        Assert.That(reply.Respcd, Is.EqualTo("1108"));
    }

    [Test]
    public async Task A_lower_case_signature_is_accepted()
    {
        var fields = SimulatorClient.PaymentFields("NOP-8-1");
        var signature = RequestSignature.Compute(fields, Rig.Host.DefaultMerchant.ClientKey, SignatureAlgorithm.Md5).ToLowerInvariant();

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields, adjust: request =>
        {
            request.Headers.Remove("X-QF-SIGN");
            request.Headers.Add("X-QF-SIGN", signature);
        });

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
    }

    [Test]
    public async Task A_SHA256_signature_is_accepted_when_the_sign_type_header_says_SHA256()
    {
        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-9-1"), SignatureAlgorithm.Sha256);

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
        Assert.That(Rig.Host.Requests.Single().Headers["X-QF-SIGNTYPE"], Is.EqualTo("SHA256"));
    }

    [Test]
    public async Task A_SHA256_signature_without_the_sign_type_header_is_refused_with_1108()
    {
        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-10-1"), SignatureAlgorithm.Sha256,
            request => request.Headers.Remove("X-QF-SIGNTYPE"));

        Assert.That(reply.Respcd, Is.EqualTo("1108"));
    }

    [Test]
    public async Task An_unknown_sign_type_is_refused_with_1108()
    {
        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-11-1"),
            adjust: request => request.Headers.Add("X-QF-SIGNTYPE", "SHA1"));

        Assert.That(reply.Respcd, Is.EqualTo("1108"));
    }

    [Test]
    public async Task Empty_fields_are_left_out_of_the_signature()
    {
        var fields = SimulatorClient.PaymentFields("NOP-12-1");
        fields["udid"] = "";

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
        Assert.That(Rig.Host.Requests.Single().Form, Does.ContainKey("udid"));
    }

    [Test]
    public async Task A_body_that_is_not_a_url_encoded_form_is_refused_with_1103()
    {
        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-13-1"),
            adjust: request => request.Content = new StringContent("{\"txamt\": \"100\"}", Encoding.UTF8, "application/json"));

        Assert.That(reply.Respcd, Is.EqualTo("1103"));
    }

    [Test]
    public async Task A_reused_out_trade_no_is_refused_with_1102()
    {
        await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-14-1"));

        var again = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-14-1", amount: 500));

        Assert.That(again.Respcd, Is.EqualTo("1102"));
    }

    [Test]
    public async Task Concurrent_payments_with_one_out_trade_no_create_exactly_one()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(_ => Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-15-1"))));

        Assert.That(replies.Count(reply => reply.Respcd == "0000"), Is.EqualTo(1));
        Assert.That(replies.Count(reply => reply.Respcd == "1102"), Is.EqualTo(11));
    }

    [TestCase("txamt", "12.80")]
    [TestCase("txamt", "0")]
    [TestCase("txamt", "-100")]
    [TestCase("txamt", "0100")]
    [TestCase("txamt", "123456789012")]
    [TestCase("txcurrcd", "XYZ")]
    [TestCase("txcurrcd", "hkd")]
    [TestCase("pay_type", "801101")]
    [TestCase("txdtm", "2025/03/18 14:05:09")]
    [TestCase("txdtm", "2025-03-18T14:05:09")]
    [TestCase("expired_time", "4")]
    [TestCase("expired_time", "121")]
    [TestCase("expired_time", "thirty")]
    [TestCase("notify_url", "/relative/notify")]
    [TestCase("return_url", "ftp://shop.example/return")]
    public async Task A_malformed_field_is_refused_with_1104(string field, string value)
    {
        var fields = SimulatorClient.PaymentFields("NOP-16-1");
        fields[field] = value;

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("1104"), reply.Text);
    }

    [TestCase("txamt")]
    [TestCase("txcurrcd")]
    [TestCase("pay_type")]
    [TestCase("out_trade_no")]
    [TestCase("txdtm")]
    public async Task A_missing_required_field_is_refused_with_1104(string field)
    {
        var fields = SimulatorClient.PaymentFields("NOP-17-1");
        fields.Remove(field);

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("1104"), reply.Text);
    }

    [TestCase("801512", "USD", "1104")]
    [TestCase("801107", "USD", "0000")]
    [TestCase("801107", "HKD", "0000")]
    public async Task Pay_type_801512_accepts_HKD_only(string payType, string currency, string expected)
    {
        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-18-1", payType: payType, currency: currency));

        Assert.That(reply.Respcd, Is.EqualTo(expected), reply.Text);
    }

    [TestCase("5")]
    [TestCase("120")]
    public async Task An_expired_time_from_5_to_120_minutes_is_accepted(string minutes)
    {
        var fields = SimulatorClient.PaymentFields("NOP-19-1");
        fields["expired_time"] = minutes;

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
    }

    [Test]
    public async Task A_chinese_goods_name_is_signed_as_utf8_and_accepted()
    {
        var fields = SimulatorClient.PaymentFields("NOP-20-1");
        fields["goods_name"] = "測試商品";

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
    }

    [Test]
    public async Task A_merchant_with_an_mchid_must_send_exactly_that_mchid()
    {
        var agent = new SimulatedMerchant("B1B2B3B4B5B6B7B8B9B0C1C2C3C4C5C6", "agent-key", "ZaMVg12345");
        await using var agentRig = await SimulatorRig.StartAsync(options => options.Merchants.Add(agent));
        using var client = agentRig.ClientFor(agent);

        var right = await client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-21-1"));
        var wrong = await client.PostAsync("trade/v1/payment", new Dictionary<string, string>(SimulatorClient.PaymentFields("NOP-21-2")) { ["mchid"] = "Other12345" });
        var missing = await client.PostAsync("trade/v1/payment", new Dictionary<string, string>(SimulatorClient.PaymentFields("NOP-21-3")) { ["mchid"] = "" });

        Assert.Multiple(() =>
        {
            Assert.That(right.Respcd, Is.EqualTo("0000"));
            Assert.That(wrong.Respcd, Is.EqualTo("1104"));
            Assert.That(missing.Respcd, Is.EqualTo("1104"));
        });
    }

    [Test]
    public async Task A_merchant_without_an_mchid_must_not_send_one()
    {
        var fields = SimulatorClient.PaymentFields("NOP-22-1");
        fields["mchid"] = "ZaMVg12345";

        var reply = await Rig.Client.PostAsync("trade/v1/payment", fields);

        Assert.That(reply.Respcd, Is.EqualTo("1104"));
        Assert.That(reply["respmsg"], Does.Contain("mchid"));
    }

    [Test]
    public async Task Every_call_is_recorded_with_its_fields_headers_and_answer()
    {
        await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-23-1"));

        var recorded = Rig.Host.Requests.Single();

        Assert.Multiple(() =>
        {
            Assert.That(recorded.Endpoint, Is.EqualTo(SimulatorEndpoint.Payment));
            Assert.That(recorded.Path, Is.EqualTo("/trade/v1/payment"));
            Assert.That(recorded.Form["out_trade_no"], Is.EqualTo("NOP-23-1"));
            Assert.That(recorded.Headers["X-QF-APPCODE"], Is.EqualTo(Rig.Host.DefaultMerchant.AppCode));
            Assert.That(recorded.Respcd, Is.EqualTo("0000"));
            Assert.That(recorded.HttpStatus, Is.EqualTo(200));
            Assert.That(recorded.Fault, Is.Null);
        });
    }
}
