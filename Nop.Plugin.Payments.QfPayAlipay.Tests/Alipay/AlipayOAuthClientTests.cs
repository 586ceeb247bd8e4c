using System.Net;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.AlipayTestKeys;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.FakeAlipayAnswers;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>The token exchange against a scripted transport: what goes out, and what is believed of what comes back.</summary>
public class AlipayOAuthClientTests
{
    private const string AuthCode = "4b203fe6c11548bcabd8da5bb087a83b";

    private static readonly AlipayOpenApp App = new("2021000000000001", AppPrivateKey, AlipayPublicKey);

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 3, 18, 6, 15, 0, TimeSpan.Zero));

    private static AlipayOAuthClient ClientFor(RecordingHandler handler) => new(new HttpClient(handler), Clock);

    private static async Task<AlipayOAuthResult> ExchangeAgainstAsync(string body, HttpStatusCode status = HttpStatusCode.OK, AlipayOpenApp? app = null) =>
        await ClientFor(RecordingHandler.Answering(body, status)).ExchangeAuthCodeAsync(app ?? App, AuthCode);

    [Test]
    public async Task The_request_is_a_form_post_of_the_common_parameters_signed_with_the_app_key()
    {
        var handler = RecordingHandler.Answering(Signed(TokenMember, TokenContent));

        await ClientFor(handler).ExchangeAuthCodeAsync(App, AuthCode);

        var sent = handler.Requests.Single();
        var form = sent.Form;
        using var appPublic = Public(AppPublicKey);
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo("POST"));
            Assert.That(sent.Url.AbsoluteUri, Is.EqualTo("https://openapi.alipay.com/gateway.do"));
            Assert.That(sent.ContentType, Does.StartWith("application/x-www-form-urlencoded").And.Contain("utf-8"));
            Assert.That(form.Keys, Is.EquivalentTo(new[] { "app_id", "method", "format", "charset", "sign_type", "timestamp", "version", "grant_type", "code", "sign" }));
            Assert.That(form["method"], Is.EqualTo("alipay.system.oauth.token"));
            Assert.That(form["grant_type"], Is.EqualTo("authorization_code"));
            Assert.That(form["code"], Is.EqualTo(AuthCode));
            Assert.That(form["sign_type"], Is.EqualTo("RSA2"));
            Assert.That(form["timestamp"], Is.EqualTo("2025-03-18 14:15:00"), "China time, UTC+8");
            Assert.That(AlipayRsa2Signer.Verify(AlipayRsa2Signer.StringToSign(form.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))), form["sign"], appPublic), Is.True);
        });
    }

    [Test]
    public async Task A_signed_answer_gives_the_shoppers_user_id()
    {
        var result = await ExchangeAgainstAsync(Signed(TokenMember, TokenContent));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.Success));
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.UserId, Is.EqualTo(UserId));
        });
    }

    [Test]
    public async Task The_signature_is_checked_over_the_raw_text_so_spacing_and_escapes_in_the_body_are_fine()
    {
        var content = "{ \"user_id\" : \"" + UserId + "\",\n  \"access_token\":\"a\\/b\\u0041\" }";
        var body = Signed(TokenMember, content).Replace(",\"sign\"", " ,\n \"sign\"");

        var result = await ExchangeAgainstAsync(body);

        Assert.That(result.UserId, Is.EqualTo(UserId), result.Message);
    }

    [Test]
    public async Task A_byte_order_mark_before_the_answer_is_not_part_of_it()
    {
        var result = await ExchangeAgainstAsync("\uFEFF" + Signed(TokenMember, TokenContent));

        Assert.That(result.UserId, Is.EqualTo(UserId), result.Message);
    }

    [Test]
    public async Task An_answer_signed_with_any_key_but_alipays_is_rejected_as_forged()
    {
        var result = await ExchangeAgainstAsync(Signed(TokenMember, TokenContent, signingKey: StrangerPrivateKey));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.ResponseSignatureInvalid));
            Assert.That(result.UserId, Is.Null);
        });
    }

    [Test]
    public async Task An_answer_altered_after_signing_is_rejected()
    {
        var tampered = Signed(TokenMember, TokenContent).Replace(UserId, "2088000000000001");

        var result = await ExchangeAgainstAsync(tampered);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.ResponseSignatureInvalid));
            Assert.That(result.UserId, Is.Null);
        });
    }

    [Test]
    public async Task An_unsigned_success_is_not_believed()
    {
        var result = await ExchangeAgainstAsync(Unsigned(TokenMember, TokenContent));

        Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.ResponseSignatureInvalid));
    }

    [Test]
    public async Task A_second_response_member_cannot_smuggle_a_user_id_past_the_signature()
    {
        var body = Signed(TokenMember, TokenContent);
        var smuggled = body.Insert(1, $"\"{TokenMember}\":{{\"user_id\":\"2088000000000001\"}},");

        var result = await ExchangeAgainstAsync(smuggled);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.MalformedResponse));
            Assert.That(result.UserId, Is.Null);
        });
    }

    [Test]
    public async Task An_invalid_or_spent_code_is_reported_as_such_with_alipays_codes()
    {
        var result = await ExchangeAgainstAsync(Signed("error_response", CodeInvalidContent));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.InvalidAuthCode));
            Assert.That(result.Code, Is.EqualTo("40002"));
            Assert.That(result.SubCode, Is.EqualTo("isv.code-invalid"));
            Assert.That(result.Message, Does.Contain("Invalid Arguments").And.Contain("授权码code无效"));
        });
    }

    [Test]
    public async Task Another_error_is_a_rejection_even_when_alipay_left_it_unsigned()
    {
        var content = "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-app-id\",\"sub_msg\":\"无效的AppID参数\"}";

        var result = await ExchangeAgainstAsync(Unsigned("error_response", content));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.Rejected));
            Assert.That(result.SubCode, Is.EqualTo("isv.invalid-app-id"));
        });
    }

    [Test]
    public async Task An_error_with_a_signature_that_does_not_verify_is_treated_as_forged()
    {
        var result = await ExchangeAgainstAsync(Signed("error_response", CodeInvalidContent, signingKey: StrangerPrivateKey));

        Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.ResponseSignatureInvalid));
    }

    [Test]
    public async Task A_business_error_inside_the_method_member_is_an_error_too()
    {
        var content = "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"isv.some-failure\",\"sub_msg\":\"x\"}";

        var result = await ExchangeAgainstAsync(Signed(TokenMember, content));

        Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.Rejected));
    }

    [Test]
    public async Task An_answer_with_only_an_app_scoped_open_id_is_not_a_user_id_for_qfpay()
    {
        var result = await ExchangeAgainstAsync(Signed(TokenMember, "{\"open_id\":\"074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5\",\"access_token\":\"x\"}"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.NoUserId));
            Assert.That(result.OpenId, Is.EqualTo("074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5"));
            Assert.That(result.Message, Does.Contain("user id (starting 2088)"));
        });
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{\"other_response\":{}}")]
    [TestCase("{\"alipay_system_oauth_token_response\":\"text\"}")]
    [TestCase("{\"alipay_system_oauth_token_response\":{}} trailing")]
    public async Task An_unreadable_answer_is_malformed(string body)
    {
        Assert.That((await ExchangeAgainstAsync(body)).Outcome, Is.EqualTo(AlipayOAuthOutcome.MalformedResponse));
    }

    [Test]
    public async Task No_answer_within_the_timeout_is_a_transient_outcome()
    {
        var handler = new RecordingHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return RecordingHandler.Json("{}");
        });

        var result = await ClientFor(handler).ExchangeAuthCodeAsync(App with { Timeout = TimeSpan.FromMilliseconds(100) }, AuthCode);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.Transient));
            Assert.That(result.IsTransient, Is.True);
            Assert.That(result.TransportProblem, Is.EqualTo(AlipayTransportProblem.Timeout));
        });
    }

    [Test]
    public async Task A_network_error_is_a_transient_outcome()
    {
        var handler = new RecordingHandler((_, _) => throw new HttpRequestException("connection refused"));

        var result = await ClientFor(handler).ExchangeAuthCodeAsync(App, AuthCode);

        Assert.That((result.Outcome, result.TransportProblem), Is.EqualTo((AlipayOAuthOutcome.Transient, AlipayTransportProblem.NetworkError)));
    }

    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task A_server_error_status_is_a_transient_outcome(HttpStatusCode status)
    {
        var result = await ExchangeAgainstAsync("<html>busy</html>", status);

        Assert.That((result.Outcome, result.TransportProblem, result.HttpStatus), Is.EqualTo((AlipayOAuthOutcome.Transient, AlipayTransportProblem.ServerError, (int)status)));
    }

    [Test]
    public void The_callers_own_cancellation_throws()
    {
        var handler = new RecordingHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return RecordingHandler.Json("{}");
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await ClientFor(handler).ExchangeAuthCodeAsync(App, AuthCode, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("has space")]
    public async Task A_callback_without_a_usable_code_sends_nothing(string? code)
    {
        var handler = RecordingHandler.Answering(Signed(TokenMember, TokenContent));

        var result = await ClientFor(handler).ExchangeAuthCodeAsync(App, code);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.InvalidAuthCode));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_broken_key_is_reported_without_sending_and_without_quoting_the_key()
    {
        var handler = RecordingHandler.Answering(Signed(TokenMember, TokenContent));
        var broken = App with { PrivateKey = AppPrivateKey[..200] };

        var result = await ClientFor(handler).ExchangeAuthCodeAsync(broken, AuthCode);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(AlipayOAuthOutcome.InvalidRequest));
            Assert.That(result.Message, Does.Contain("private key"));
            Assert.That(result.Message, Does.Not.Contain(AppPrivateKey[..30]));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task No_result_carries_the_key_the_code_or_the_signature()
    {
        var handler = RecordingHandler.Answering(Signed("error_response", CodeInvalidContent));

        var result = await ClientFor(handler).ExchangeAuthCodeAsync(App, AuthCode);

        var printed = result.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(printed, Does.Not.Contain(AuthCode));
            Assert.That(printed, Does.Not.Contain(handler.Requests.Single().Form["sign"][..20]));
            Assert.That(printed, Does.Not.Contain(AppPrivateKey[..30]));
        });
    }
}
