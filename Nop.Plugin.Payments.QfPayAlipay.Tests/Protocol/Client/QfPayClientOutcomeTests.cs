using System.Net;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client.ClientScenario;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>How answers and transport failures become outcomes; creations are never resent.</summary>
public class QfPayClientOutcomeTests
{
    private static QfPayAccount FastAccount() => Account() with
    {
        Timeouts = new QfPayTimeouts(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)),
    };

    [Test]
    public async Task A_created_payment_is_a_success_with_its_pay_url_and_syssn()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering(PaymentCreated));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.That(result.IsSuccess, Is.True, result.Message);
        var response = result.Response!;
        Assert.Multiple(() =>
        {
            Assert.That(response.PayUrl, Does.StartWith("https://globalmapi.alipay.com/"));
            Assert.That(response.Syssn, Is.EqualTo("20250318155400020012345678"));
            Assert.That(response.AmountInMinorUnits, Is.EqualTo(12800));
            Assert.That(result.ResponseCode, Is.EqualTo("0000"));
            Assert.That(result.HttpStatus, Is.EqualTo(200));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.None));
        });
    }

    [Test]
    public async Task Codes_and_amounts_sent_as_json_numbers_are_understood()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": 0, "syssn": 123, "txamt": 12800, "pay_url": "https://pay"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Success));
            Assert.That(result.Response?.AmountInMinorUnits, Is.EqualTo(12800));
            Assert.That(result.Response?.Syssn, Is.EqualTo("123"));
        });
    }

    [Test]
    public async Task A_service_window_answer_with_only_a_pay_url_is_accepted()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "0000", "syssn": "1", "pay_url": "https://pay"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment() with
        {
            PayType = QfPayPayType.AlipayServiceWindowH5, OpenId = "2088802811715388", ExpiresInMinutes = null,
        });

        Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Success));
    }

    [Test]
    public async Task A_0000_without_pay_url_is_unknown_because_the_shopper_cannot_pay()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "0000", "syssn": "1"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.MalformedResponse));
            Assert.That(result.Response?.Syssn, Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task An_answer_about_another_out_trade_no_is_not_trusted()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering(PaymentCreated.Replace("NOP-10025-1", "NOP-99999-1")));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
    }

    [Test]
    public async Task Code_1143_on_creation_is_in_progress_and_asks_for_a_query()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering("""{"respcd": "1143", "respmsg": "order not paid"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.InProgress));
            Assert.That(result.RequiresQuery, Is.True);
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.1143"));
            Assert.That(result.Message, Is.EqualTo("order not paid"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_signature_error_is_a_failure_with_its_code()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1108", "resperr": "sign error"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(result.ResponseCode, Is.EqualTo("1108"));
            Assert.That(result.Message, Is.EqualTo("sign error"));
        });
    }

    [Test]
    public async Task An_unknown_code_on_payment_creation_is_unknown_and_keeps_the_raw_code()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "4321"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.ResponseCode, Is.EqualTo("4321"));
        });
    }

    [Test]
    public async Task An_unknown_code_on_refund_creation_is_unknown()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "2999"}"""));

        var result = await client.RefundAsync(Account(), new RefundRequest { OriginalSyssn = "1", OutTradeNo = "A-R1-X", AmountInMinorUnits = 1 });

        Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
    }

    [Test]
    public async Task An_unknown_code_on_a_query_is_a_failure()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "4321"}"""));

        var result = await client.QueryAsync(Account(), QueryRequest.BySyssn("1"));

        Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Failed));
    }

    [Test]
    public async Task A_business_code_in_a_4xx_body_still_decides()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1104", "respmsg": "txamt invalid"}""", HttpStatusCode.BadRequest));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(result.HttpStatus, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task An_over_refund_is_a_failure()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1272", "respmsg": "refund amount exceeds"}"""));

        var result = await client.RefundAsync(Account(), new RefundRequest { OriginalSyssn = "1", OutTradeNo = "A-R3-X", AmountInMinorUnits = 99999 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.1272"));
        });
    }

    private static IEnumerable<TestCaseData> TransientAnswers()
    {
        yield return new TestCaseData((HttpStatusCode)429, """{"respcd": "0000", "pay_url": "https://pay"}""", QfPayProblem.RateLimited).SetName("HTTP 429 is unknown even with a 0000 body");
        yield return new TestCaseData(HttpStatusCode.InternalServerError, "oops", QfPayProblem.ServerError).SetName("HTTP 500 is unknown");
        yield return new TestCaseData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", QfPayProblem.ServerError).SetName("HTTP 502 is unknown");
        yield return new TestCaseData(HttpStatusCode.ServiceUnavailable, "", QfPayProblem.ServerError).SetName("HTTP 503 is unknown");
        yield return new TestCaseData(HttpStatusCode.OK, "<html>proxy login</html>", QfPayProblem.MalformedResponse).SetName("A non-JSON 200 is unknown");
        yield return new TestCaseData(HttpStatusCode.OK, "[\"0000\"]", QfPayProblem.MalformedResponse).SetName("A JSON array is unknown");
        yield return new TestCaseData(HttpStatusCode.OK, "{\"resperr\": \"success\"}", QfPayProblem.MalformedResponse).SetName("A body without respcd is unknown");
        yield return new TestCaseData(HttpStatusCode.OK, "", QfPayProblem.MalformedResponse).SetName("An empty 200 is unknown");
        yield return new TestCaseData(HttpStatusCode.NotFound, "not found", QfPayProblem.UnexpectedHttpStatus).SetName("A 404 without respcd is unknown");
    }

    [TestCaseSource(nameof(TransientAnswers))]
    public async Task Transient_answers_to_a_payment_are_unknown_and_the_payment_is_sent_once(HttpStatusCode status, string body, QfPayProblem problem)
    {
        var (client, handler) = ClientWith(new RecordingHandler((_, _) => Task.FromResult(
            new HttpResponseMessage(status) { Content = new StringContent(body) })));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(problem));
            Assert.That(result.HttpStatus, Is.EqualTo((int)status));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Problems." + problem));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_network_error_is_unknown_names_the_exception_and_is_not_retried()
    {
        var (client, handler) = ClientWith(new RecordingHandler((_, _) => throw new HttpRequestException("Connection refused")));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.NetworkError));
            Assert.That(result.ExceptionType, Is.EqualTo(nameof(HttpRequestException)));
            Assert.That(result.HttpStatus, Is.Null);
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_connection_dropped_while_reading_the_body_is_a_network_error()
    {
        var (client, _) = ClientWith(new RecordingHandler((_, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) })));

        var result = await client.RefundAsync(Account(), new RefundRequest { OriginalSyssn = "1", OutTradeNo = "A-R1-X", AmountInMinorUnits = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.NetworkError));
        });
    }

    [Test]
    public async Task A_timeout_is_unknown_and_the_refund_is_sent_once()
    {
        var (client, handler) = ClientWith(new RecordingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }));

        var result = await client.RefundAsync(FastAccount(), new RefundRequest { OriginalSyssn = "1", OutTradeNo = "A-R1-X", AmountInMinorUnits = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.Timeout));
            Assert.That(result.ExceptionType, Is.Not.Null);
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_body_that_arrives_too_slowly_also_times_out()
    {
        var (client, _) = ClientWith(new RecordingHandler((_, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new NeverEndingStream()) })));

        var result = await client.QueryAsync(FastAccount(), QueryRequest.BySyssn("1"));

        Assert.That(result.Problem, Is.EqualTo(QfPayProblem.Timeout));
    }

    [Test]
    public async Task HttpClient_timeout_shorter_than_ours_is_still_reported_as_a_timeout()
    {
        var handler = new RecordingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = new QfPayClient(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) }, Clock());

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.That(result.Problem, Is.EqualTo(QfPayProblem.Timeout));
    }

    [Test]
    public void The_callers_own_cancellation_is_thrown_not_reported_as_a_timeout()
    {
        using var cancellation = new CancellationTokenSource();
        var (client, _) = ClientWith(new RecordingHandler(async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }));

        Assert.That(async () => await client.CreatePaymentAsync(Account(), V5Payment(), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task An_oversized_answer_is_malformed()
    {
        var huge = "{\"respcd\": \"0000\", \"x\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var (client, _) = ClientWith(RecordingHandler.Answering(huge));

        var result = await client.QueryAsync(Account(), QueryRequest.BySyssn("1"));

        Assert.That(result.Problem, Is.EqualTo(QfPayProblem.MalformedResponse));
    }

    [Test]
    public async Task An_answer_with_an_invalid_escaped_surrogate_is_malformed_not_thrown()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1108", "respmsg": "\ud800"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.MalformedResponse));
        });
    }

    [Test]
    public async Task A_result_can_be_turned_into_the_one_exception_type()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "1108", "respmsg": "sign error"}"""));

        var result = await client.CreatePaymentAsync(Account(), V5Payment());

        var exception = Assert.Throws<QfPayException>(() => result.EnsureSuccess());
        Assert.Multiple(() =>
        {
            Assert.That(exception!.ResponseCode, Is.EqualTo("1108"));
            Assert.That(exception.ResponseMessage, Is.EqualTo("sign error"));
            Assert.That(exception.HttpStatus, Is.EqualTo(200));
            Assert.That(exception.Request, Is.Not.Null);
        });
    }

    /// <summary>A response body that can only be read: everything else a stream offers is refused.</summary>
    private abstract class ReadOnlyBody : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FailingStream : ReadOnlyBody
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("connection reset");
    }

    private sealed class NeverEndingStream : ReadOnlyBody
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
