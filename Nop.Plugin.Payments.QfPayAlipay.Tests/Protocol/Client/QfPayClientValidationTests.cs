using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client.ClientScenario;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>Requests that break QFPay's rules are refused before anything is sent.</summary>
public class QfPayClientValidationTests
{
    private static IEnumerable<TestCaseData> InvalidPayments()
    {
        var valid = V5Payment();
        yield return new TestCaseData(valid with { ReturnUrl = "https://shop.example.com/" + new string('r', 200) }, "200").SetName("A return url over 200 characters");
        yield return new TestCaseData(valid with { OutTradeNo = "NOP 10025" }, "out_trade_no").SetName("An out_trade_no with a space");
        yield return new TestCaseData(valid with { OutTradeNo = new string('a', 65) }, "out_trade_no").SetName("An out_trade_no over 64 characters");
        yield return new TestCaseData(valid with { AmountInMinorUnits = 0 }, "txamt").SetName("A zero amount");
        yield return new TestCaseData(valid with { AmountInMinorUnits = 100_000_000_000 }, "txamt").SetName("An amount over Int(11)");
        yield return new TestCaseData(valid with { Currency = "GBP" }, "GBP").SetName("An unsupported currency");
        yield return new TestCaseData(valid with { ExpiresInMinutes = 4 }, "expired_time").SetName("An expiry under 5 minutes");
        yield return new TestCaseData(valid with { ExpiresInMinutes = 121 }, "expired_time").SetName("An expiry over 120 minutes");
        yield return new TestCaseData(valid with { PayType = QfPayPayType.AlipayServiceWindowH5, ExpiresInMinutes = null }, "openid").SetName("800107 without openid");
        yield return new TestCaseData(valid with { OpenId = "2088" }, "openid").SetName("openid on a WAP pay type");
        yield return new TestCaseData(valid with { PayType = (QfPayPayType)801101 }, "801101").SetName("An unsupported pay type");
        yield return new TestCaseData(valid with { NotifyUrl = "/relative" }, "notify_url").SetName("A relative notify url");
    }

    [TestCaseSource(nameof(InvalidPayments))]
    public async Task Is_refused_before_sending_with_a_clear_message(PaymentRequest request, string mentioned)
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        var result = await client.CreatePaymentAsync(Account(), request);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.InvalidRequest));
            Assert.That(result.Message, Does.Contain(mentioned));
            Assert.That(result.Request, Is.Null);
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    private static IEnumerable<TestCaseData> InvalidAccounts()
    {
        var valid = Account();
        yield return new TestCaseData(valid with { ClientKey = "" }).SetName("An account without a key");
        yield return new TestCaseData(valid with { ClientKey = VectorKey + " " }).SetName("An account whose key has a trailing space");
        yield return new TestCaseData(valid with { AppCode = " " }).SetName("An account without an app code");
        yield return new TestCaseData(valid with { BaseUrl = new Uri("ftp://qfpay.invalid/") }).SetName("An account with a non-http base url");
        yield return new TestCaseData(valid with { Timeouts = QfPayTimeouts.Default with { Query = TimeSpan.Zero } }).SetName("An account with a zero timeout");
    }

    [TestCaseSource(nameof(InvalidAccounts))]
    public async Task Cannot_be_used_and_nothing_is_sent(QfPayAccount account)
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        var result = await client.CreatePaymentAsync(account, V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.InvalidRequest));
            Assert.That(result.Message, Does.Not.Contain(VectorKey));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_refund_without_the_original_syssn_is_refused()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering("{}"));

        var result = await client.RefundAsync(Account(), new RefundRequest { OriginalSyssn = " ", OutTradeNo = "A-R1-X", AmountInMinorUnits = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.InvalidRequest));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Goods_names_are_cleaned_by_the_client_as_well()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        await client.CreatePaymentAsync(Account(), V5Payment() with { GoodsName = "Tea & <Cake> " + new string('x', 30) });

        Assert.That(handler.Requests.Single().Form["goods_name"], Is.EqualTo("Tea Cake xxxxxxxxxxx"));
    }
}
