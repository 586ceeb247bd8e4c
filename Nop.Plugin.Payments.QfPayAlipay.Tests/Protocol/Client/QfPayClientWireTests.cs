using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client.ClientScenario;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>What goes on the wire: encoded body, signature over raw values (vectors V5-V11), headers.</summary>
public class QfPayClientWireTests
{
    [Test]
    public async Task The_V5_payment_goes_out_form_encoded_and_signed_over_the_raw_values()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        await client.CreatePaymentAsync(Account(), V5Payment());

        var sent = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo("POST"));
            Assert.That(sent.Url, Is.EqualTo(new Uri("https://qfpay.invalid/trade/v1/payment")));
            Assert.That(sent.Body, Is.EqualTo(
                "expired_time=30&goods_name=Order+10025&notify_url=https%3A%2F%2Fshop.example.com%2Fqfpay%2Fnotify&out_trade_no=NOP-10025-1" +
                "&pay_type=801512&return_url=https%3A%2F%2Fshop.example.com%2Fqfpay%2Freturn%3ForderId%3D10025%26lang%3Den&txamt=12800" +
                "&txcurrcd=HKD&txdtm=2025-03-18+14%3A05%3A09"));
            Assert.That(sent.Headers["X-QF-SIGN"], Is.EqualTo("4710BB524AAF16F642D788521110D977"));
            Assert.That(sent.Headers["X-QF-APPCODE"], Is.EqualTo(AppCode));
            Assert.That(sent.Headers.ContainsKey("X-QF-SIGNTYPE"), Is.False);
            Assert.That(sent.ContentType, Is.EqualTo("application/x-www-form-urlencoded; charset=UTF-8").IgnoreCase);
        });
    }

    [Test]
    public async Task The_decoded_body_is_exactly_the_signed_field_set()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        await client.CreatePaymentAsync(Account(), V5Payment());

        var form = handler.Requests.Single().Form;
        var expected = QfPaySigner.Sign(form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), VectorKey);
        Assert.That(handler.Requests.Single().Headers["X-QF-SIGN"], Is.EqualTo(expected));
    }

    [Test]
    public async Task Limit_pay_no_credit_is_sent_and_signed_only_when_credit_cards_are_forbidden()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        await client.CreatePaymentAsync(Account(), V5Payment());
        await client.CreatePaymentAsync(Account(), V5Payment() with { ForbidCreditCards = true });

        var plain = handler.Requests[0].Form;
        var noCredit = handler.Requests[1].Form;
        Assert.Multiple(() =>
        {
            Assert.That(plain.ContainsKey("limit_pay"), Is.False);
            Assert.That(noCredit["limit_pay"], Is.EqualTo("no_credit"));
            Assert.That(handler.Requests[1].Headers["X-QF-SIGN"],
                Is.EqualTo(QfPaySigner.Sign(noCredit.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), VectorKey)));
        });
    }

    /// <summary>V7 and V8 sign the same request, once with MD5 and once with SHA-256.</summary>
    private static PaymentRequest V7AndV8Payment() => new()
    {
        OutTradeNo = "NOP-10026-1",
        AmountInMinorUnits = 5000,
        Currency = "HKD",
        PayType = QfPayPayType.AlipayCrossBorderWap,
        GoodsName = "測試商品",
        ReturnUrl = "https://shop.example.com/qfpay/return",
    };

    [Test]
    public async Task The_V7_payment_with_a_chinese_goods_name_and_mchid_matches_its_vector()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated.Replace("NOP-10025-1", "NOP-10026-1")), Clock(14, 10, 0));

        await client.CreatePaymentAsync(Account(merchantId: "ZaMVg12345"), V7AndV8Payment());

        var sent = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Headers["X-QF-SIGN"], Is.EqualTo("EEBDFBB100DA25F70AC7B48C5E326762"));
            Assert.That(sent.Body, Does.Contain("goods_name=%E6%B8%AC%E8%A9%A6%E5%95%86%E5%93%81"));
            Assert.That(sent.Form["mchid"], Is.EqualTo("ZaMVg12345"));
        });
    }

    [Test]
    public async Task The_V8_payment_signed_with_sha256_announces_its_sign_type()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated.Replace("NOP-10025-1", "NOP-10026-1")), Clock(14, 10, 0));

        await client.CreatePaymentAsync(Account(merchantId: "ZaMVg12345", signType: QfPaySignType.Sha256), V7AndV8Payment());

        var sent = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Headers["X-QF-SIGN"], Is.EqualTo("C533059F09F097FC6B94B9CAFF9EB876DD2015615F91AFF3B14828F52CAD8593"));
            Assert.That(sent.Headers["X-QF-SIGNTYPE"], Is.EqualTo("SHA256"));
        });
    }

    [Test]
    public async Task The_V9_service_window_payment_sends_openid_and_matches_its_vector()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(
            """{"respcd": "0000", "syssn": "20250318155400020012345680", "out_trade_no": "NOP-10027-1", "pay_params": {"tradeNO": "2025031822001400001234567890"}}"""),
            Clock(14, 15, 0));

        var result = await client.CreatePaymentAsync(Account(), new PaymentRequest
        {
            OutTradeNo = "NOP-10027-1",
            AmountInMinorUnits = 300,
            Currency = "HKD",
            PayType = QfPayPayType.AlipayServiceWindowH5,
            GoodsName = "Order 10027",
            OpenId = "2088802811715388",
        });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Headers["X-QF-SIGN"], Is.EqualTo("770CDE929AFEA975B61487D541DB5A0A"));
            Assert.That(result.Response?.TradeNo, Is.EqualTo("2025031822001400001234567890"));
        });
    }

    [Test]
    public async Task The_V10_refund_matches_its_vector()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(
            """{"respcd": "0000", "syssn": "20250319155400020012349999", "orig_syssn": "20250318155400020012345678", "out_trade_no": "NOP-10025-R1", "txamt": "2800", "txcurrcd": "HKD"}"""),
            Clock(9, 30, 0, day: 19));

        var result = await client.RefundAsync(Account(), new RefundRequest
        {
            OriginalSyssn = "20250318155400020012345678",
            OutTradeNo = "NOP-10025-R1",
            AmountInMinorUnits = 2800,
        });

        var sent = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Url.AbsolutePath, Is.EqualTo("/trade/v1/refund"));
            Assert.That(sent.Body, Is.EqualTo("out_trade_no=NOP-10025-R1&syssn=20250318155400020012345678&txamt=2800&txdtm=2025-03-19+09%3A30%3A00"));
            Assert.That(sent.Headers["X-QF-SIGN"], Is.EqualTo("64A1744D6A433C4BC477FEE92C49CC22"));
            Assert.That(result.Response?.Syssn, Is.EqualTo("20250319155400020012349999"));
            Assert.That(result.Response?.OriginalSyssn, Is.EqualTo("20250318155400020012345678"));
        });
    }

    [Test]
    public async Task The_V11_query_by_out_trade_no_carries_the_creation_month_window()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        await client.QueryAsync(Account(), QueryRequest.ByOutTradeNo("NOP-10025-1", new DateTimeOffset(2025, 3, 18, 14, 5, 9, QfPayTime.Offset)));

        var sent = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Url.AbsolutePath, Is.EqualTo("/trade/v1/query"));
            Assert.That(sent.Body, Is.EqualTo("end_time=2025-03-31+23%3A59%3A59&out_trade_no=NOP-10025-1&start_time=2025-03-01+00%3A00%3A00"));
            Assert.That(sent.Headers["X-QF-SIGN"], Is.EqualTo("A815BA12349CC0F4E92835406A5CB79E"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task Mchid_is_not_sent_at_all_when_the_account_has_none(string? merchantId)
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        await client.CreatePaymentAsync(Account(merchantId), V5Payment());

        Assert.That(handler.Requests.Single().Form.ContainsKey("mchid"), Is.False);
    }

    [Test]
    public async Task Mchid_is_sent_on_queries_and_refunds_too_when_issued()
    {
        var (client, handler) = ClientWith(RecordingHandler.AnsweringInTurn(QueryAnswer(), """{"respcd": "0000", "out_trade_no": "A-R1-X"}"""));

        await client.QueryAsync(Account("ZaMVg12345"), QueryRequest.BySyssn("1"));
        await client.RefundAsync(Account("ZaMVg12345"), new RefundRequest { OriginalSyssn = "1", OutTradeNo = "A-R1-X", AmountInMinorUnits = 1 });

        Assert.That(handler.Requests.Select(r => r.Form["mchid"]), Is.All.EqualTo("ZaMVg12345"));
    }

    [Test]
    public async Task Values_are_trimmed_before_they_are_signed_and_sent()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        await client.CreatePaymentAsync(Account(" ZaMVg12345 "), V5Payment() with { OutTradeNo = " NOP-10025-1 ", GoodsName = "  Order   10025  " });

        var form = handler.Requests.Single().Form;
        Assert.Multiple(() =>
        {
            Assert.That(form["out_trade_no"], Is.EqualTo("NOP-10025-1"));
            Assert.That(form["goods_name"], Is.EqualTo("Order 10025"));
            Assert.That(form["mchid"], Is.EqualTo("ZaMVg12345"));
        });
    }

    [Test]
    public async Task A_custom_base_url_with_a_path_prefix_keeps_the_prefix()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));
        var account = Account() with { BaseUrl = new Uri("http://127.0.0.1:5080/qfpay") };

        await client.CreatePaymentAsync(account, V5Payment());

        Assert.That(handler.Requests.Single().Url, Is.EqualTo(new Uri("http://127.0.0.1:5080/qfpay/trade/v1/payment")));
    }

    [Test]
    public async Task Txdtm_comes_from_the_injected_clock_in_hong_kong_time()
    {
        var clock = Clock();
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated), clock);

        await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.That(handler.Requests.Single().Form["txdtm"], Is.EqualTo("2026-01-01 00:30:00"));
    }
}
