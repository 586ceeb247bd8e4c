using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>
/// 800107 end to end over real HTTP on 127.0.0.1 (docs/qfpay-protocol.md §10): silent authorisation at the fake Alipay, the callback's
/// auth_code traded for the user id with an RSA2-signed request, a QFPay payment with that openid, tradePay, and the
/// notification. Only the plugin's Alipay and Protocol code runs on the shop's side.
/// </summary>
public class ServiceWindowAgainstSimulatorTests
{
    private static readonly Uri Callback = new("https://shop.example.com/qfpay/alipay/callback");
    private const string Session = "customer-7d2e";

    private QfPaySimulatorHost _host = null!;
    private NotificationReceiver _shop = null!;
    private HttpClient _browser = null!;
    private AlipayOAuthClient _alipay = null!;
    private OAuthState _states = null!;
    private AlipayOpenApp _app = null!;

    [SetUp]
    public async Task StartSimulator()
    {
        _shop = await NotificationReceiver.StartAsync();
        _host = await QfPaySimulatorHost.StartAsync(new SimulatorOptions { RetryTimeScale = 0.001 });
        _browser = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        _alipay = new AlipayOAuthClient(new HttpClient(new SocketsHttpHandler { UseProxy = false }));
        _states = new OAuthState(RandomNumberGenerator.GetBytes(32));
        _app = new AlipayOpenApp(_host.AlipayApp.AppId, _host.AlipayApp.AppPrivateKey!, _host.AlipayApp.AlipayPublicKey)
        {
            GatewayUrl = _host.AlipayGatewayUrl,
            AuthorizeUrl = _host.AlipayAuthorizeUrl,
        };
    }

    [TearDown]
    public async Task StopSimulator()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
        await _shop.DisposeAsync();
    }

    /// <summary>The shopper's browser follows the authorisation redirect; returns the callback's query.</summary>
    private async Task<Dictionary<string, string>> AuthoriseAsync(string reference = "NOP-10027-1", string? simulatedUser = null)
    {
        var url = AlipayAuthorizationRequest.Build(_app, Callback, _states.Issue(reference, Session, TimeSpan.FromMinutes(10)));
        if (simulatedUser is not null)
            url = new Uri(url + "&sim_user=" + Uri.EscapeDataString(simulatedUser));

        using var response = await _browser.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(Callback.AbsoluteUri));
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [Test]
    public async Task A_shopper_in_the_alipay_app_is_authorised_pays_with_tradepay_and_the_shop_is_notified()
    {
        // Authorisation: silent redirect back with a one-time code and the shop's own state.
        var callback = await AuthoriseAsync();
        var state = _states.Verify(callback["state"], Session);

        // Token exchange: RSA2-signed request, verified answer.
        var token = await _alipay.ExchangeAuthCodeAsync(_app, callback["auth_code"]);
        Assert.That(token.IsSuccess, Is.True, token.Message);

        // QFPay payment with the user id as openid (docs/qfpay-protocol.md §4.7, §10.1).
        var qfpay = SimulatorScenario.NewClient();
        var account = SimulatorScenario.AccountFor(_host);
        var request = new PaymentRequest
        {
            OutTradeNo = state.Reference!,
            AmountInMinorUnits = 300,
            Currency = "HKD",
            PayType = QfPayPayType.AlipayServiceWindowH5,
            GoodsName = "Order 10027",
            NotifyUrl = _shop.NotifyUrl.ToString(),
            OpenId = token.UserId,
        };
        var payment = (await qfpay.CreatePaymentAsync(account, request)).EnsureSuccess();

        // The page's tradePay, played by the simulator.
        using var paid = await _host.TradePayAsync(payment.TradeNo!, userId: token.UserId);
        var resultCode = JsonDocument.Parse(await paid.Content.ReadAsStringAsync()).RootElement.GetProperty("resultCode").GetString();
        var notification = (await _shop.WaitForNotificationsAsync(1, TimeSpan.FromSeconds(10))).Single();
        var record = (await qfpay.QueryAsync(account, QueryRequest.BySyssn(payment.Syssn!))).EnsureSuccess().FindBySyssn(payment.Syssn!);

        Assert.Multiple(() =>
        {
            Assert.That(callback["app_id"], Is.EqualTo(_app.AppId));
            Assert.That(callback["scope"], Is.EqualTo("auth_base"));
            Assert.That(state.IsValid, Is.True);
            Assert.That(token.UserId, Is.EqualTo(SimulatedAlipayUser.UserIdFor(SimulatedAlipayUser.DefaultName)));
            Assert.That(token.UserId, Does.Match("^2088[0-9]{12}$"));
            Assert.That(_host.Requests.First(r => r.Endpoint == SimulatorEndpoint.Payment).Form["openid"], Is.EqualTo(token.UserId));
            Assert.That(payment.TradeNo, Is.Not.Null.And.Not.Empty);
            Assert.That(payment.PayUrl, Is.Null);
            Assert.That(TradePayResult.FromResultCode(resultCode).Hint, Is.EqualTo(TradePayHint.Paid));
            Assert.That(NotificationVerifier.Verify(notification.RawBody, notification.Signature, account.ClientKey).IsAuthentic, Is.True);
            var parsed = QfPayNotification.Parse(notification.RawBody).Notification as PaymentNotification;
            Assert.That(parsed?.OutTradeNo, Is.EqualTo("NOP-10027-1"));
            Assert.That(parsed?.PayType, Is.EqualTo("800107"));
            Assert.That(parsed?.AmountInMinorUnits, Is.EqualTo(300));
            Assert.That(record?.Status, Is.EqualTo(TransactionStatus.Succeeded));
        });
    }

    [Test]
    public async Task A_token_request_signed_with_the_wrong_private_key_is_rejected_by_the_simulator_and_spends_no_code()
    {
        var code = (await AuthoriseAsync())["auth_code"];
        var forger = _app with { PrivateKey = AlipayTestKeys.StrangerPrivateKey };

        var forged = await _alipay.ExchangeAuthCodeAsync(forger, code);
        var genuine = await _alipay.ExchangeAuthCodeAsync(_app, code);

        Assert.Multiple(() =>
        {
            Assert.That(forged.Outcome, Is.EqualTo(AlipayOAuthOutcome.Rejected));
            Assert.That((forged.Code, forged.SubCode), Is.EqualTo(("40002", "isv.invalid-signature")));
            Assert.That(forged.UserId, Is.Null);
            Assert.That(genuine.IsSuccess, Is.True, genuine.Message);
        });
    }

    [Test]
    public async Task An_auth_code_works_once()
    {
        var code = (await AuthoriseAsync())["auth_code"];

        var first = await _alipay.ExchangeAuthCodeAsync(_app, code);
        var second = await _alipay.ExchangeAuthCodeAsync(_app, code);

        Assert.Multiple(() =>
        {
            Assert.That(first.IsSuccess, Is.True, first.Message);
            Assert.That(second.Outcome, Is.EqualTo(AlipayOAuthOutcome.InvalidAuthCode));
            Assert.That(second.SubCode, Is.EqualTo("isv.code-invalid"));
            Assert.That(second.UserId, Is.Null);
        });
    }

    [Test]
    public async Task Answers_that_do_not_verify_with_the_configured_alipay_key_are_rejected_over_http()
    {
        var code = (await AuthoriseAsync())["auth_code"];
        var misconfigured = _app with { AlipayPublicKey = AlipayTestKeys.AlipayPublicKey };

        var result = await _alipay.ExchangeAuthCodeAsync(misconfigured, code);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.ResponseSignatureInvalid));
            Assert.That(result.UserId, Is.Null);
        });
    }

    [Test]
    public async Task A_code_the_simulator_never_issued_is_invalid()
    {
        var result = await _alipay.ExchangeAuthCodeAsync(_app, "0123456789abcdef0123456789abcdef");

        Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.InvalidAuthCode));
    }

    [Test]
    public async Task An_unknown_app_id_gets_an_unsigned_rejection()
    {
        var result = await _alipay.ExchangeAuthCodeAsync(_app with { AppId = "2021000000009999" }, "0123456789abcdef0123456789abcdef");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.Rejected));
            Assert.That(result.SubCode, Is.EqualTo("isv.invalid-app-id"));
        });
    }

    [Test]
    public async Task Each_simulated_user_has_a_stable_user_id_of_their_own()
    {
        var alice = await _alipay.ExchangeAuthCodeAsync(_app, (await AuthoriseAsync(simulatedUser: "alice"))["auth_code"]);
        var aliceAgain = await _alipay.ExchangeAuthCodeAsync(_app, (await AuthoriseAsync(simulatedUser: "alice"))["auth_code"]);
        var bob = await _alipay.ExchangeAuthCodeAsync(_app, (await AuthoriseAsync(simulatedUser: "bob"))["auth_code"]);

        Assert.Multiple(() =>
        {
            Assert.That(alice.UserId, Is.EqualTo(aliceAgain.UserId).And.EqualTo(SimulatedAlipayUser.UserIdFor("alice")));
            Assert.That(bob.UserId, Is.Not.EqualTo(alice.UserId));
        });
    }

    [Test]
    public async Task A_denied_authorisation_comes_back_without_a_code_but_with_the_state()
    {
        _host.DenyAlipayAuthorization = true;

        var callback = await AuthoriseAsync();

        Assert.Multiple(() =>
        {
            Assert.That(callback.ContainsKey("auth_code"), Is.False);
            Assert.That(_states.Verify(callback["state"], Session).IsValid, Is.True);
        });
    }

    [Test]
    public async Task A_callback_state_from_another_session_is_refused_before_any_exchange()
    {
        var callback = await AuthoriseAsync();

        Assert.That(_states.Verify(callback["state"], "someone-else").Verdict, Is.EqualTo(OAuthStateVerdict.Forged));
    }
}
