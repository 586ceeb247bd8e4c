using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using QfPaySimulator;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client.SimulatorScenario;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>The client against the local QFPay simulator over real HTTP (127.0.0.1 only).</summary>
public class QfPayClientOverHttpTests
{
    private QfPaySimulatorHost _host = null!;
    private QfPayClient _client = null!;
    private QfPayAccount _account = null!;

    [SetUp]
    public async Task StartSimulator()
    {
        _host = await QfPaySimulatorHost.StartAsync();
        _client = NewClient();
        _account = AccountFor(_host);
    }

    [TearDown]
    public async Task StopSimulator() => await _host.DisposeAsync();

    private async Task<PaymentResponse> CreatePaymentAsync(long amount = 12800)
    {
        var created = await _client.CreatePaymentAsync(_account, Payment(amount: amount));
        Assert.That(created.IsSuccess, Is.True, created.Message);
        return created.Response!;
    }

    private async Task<TransactionRecord?> QueryRecordAsync(string syssn)
    {
        var query = await _client.QueryAsync(_account, QueryRequest.BySyssn(syssn));
        Assert.That(query.IsSuccess, Is.True, query.Message);
        return query.Response!.FindBySyssn(syssn);
    }

    [Test]
    public async Task A_payment_returns_the_simulators_cashier_link()
    {
        var payment = await CreatePaymentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(payment.PayUrl, Is.EqualTo(new Uri(_host.BaseAddress, $"cashier/{payment.Syssn}").ToString()));
            Assert.That(payment.AmountInMinorUnits, Is.EqualTo(12800));
            Assert.That(_host.Requests.Single().Headers.ContainsKey("X-QF-SIGNTYPE"), Is.False);
        });
    }

    [Test]
    public async Task An_unpaid_payment_is_pending_and_paid_after_the_shopper_pays()
    {
        var payment = await CreatePaymentAsync();

        var before = await QueryRecordAsync(payment.Syssn!);
        (await _host.PayAsync(payment.Syssn!)).Dispose();
        var after = await QueryRecordAsync(payment.Syssn!);

        Assert.Multiple(() =>
        {
            Assert.That(before?.Status, Is.EqualTo(TransactionStatus.Pending));
            Assert.That(after?.Status, Is.EqualTo(TransactionStatus.Succeeded));
            Assert.That(after?.AmountInMinorUnits, Is.EqualTo(12800));
        });
    }

    [Test]
    public async Task A_payment_cancelled_at_the_cashier_is_closed()
    {
        var payment = await CreatePaymentAsync();

        (await _host.CancelAsync(payment.Syssn!)).Dispose();

        Assert.That((await QueryRecordAsync(payment.Syssn!))?.Status, Is.EqualTo(TransactionStatus.Closed));
    }

    [Test]
    public async Task A_query_by_out_trade_no_finds_the_attempt_within_its_month_window()
    {
        var request = Payment();
        var createdAt = DateTimeOffset.UtcNow;
        await _client.CreatePaymentAsync(_account, request);

        var query = await _client.QueryAsync(_account, QueryRequest.ByOutTradeNo(request.OutTradeNo, createdAt));

        Assert.Multiple(() =>
        {
            Assert.That(query.Response?.FindByOutTradeNo(request.OutTradeNo).Single().Status, Is.EqualTo(TransactionStatus.Pending));
            Assert.That(_host.Requests.Last().Form.ContainsKey("start_time"), Is.True);
        });
    }

    [Test]
    public async Task A_query_for_an_unknown_number_finds_nothing()
    {
        var query = await _client.QueryAsync(_account, QueryRequest.ByOutTradeNo("never-sent-1-AAAAAA", DateTimeOffset.UtcNow));

        Assert.Multiple(() =>
        {
            Assert.That(query.Outcome, Is.EqualTo(QfPayOutcome.Success));
            Assert.That(query.Response!.Records, Is.Empty);
        });
    }

    [Test]
    public async Task Two_partial_refunds_succeed_and_an_over_refund_then_fails()
    {
        var payment = await CreatePaymentAsync(amount: 10000);
        (await _host.PayAsync(payment.Syssn!)).Dispose();

        var first = await _client.RefundAsync(_account, Refund(payment.Syssn!, 3000, 1));
        var second = await _client.RefundAsync(_account, Refund(payment.Syssn!, 5000, 2));
        var third = await _client.RefundAsync(_account, Refund(payment.Syssn!, 2001, 3));

        var records = (await _client.QueryAsync(_account, QueryRequest.BySyssn(payment.Syssn!, first.Response!.Syssn!, second.Response!.Syssn!))).Response!.Records;
        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(QfPayOutcome.Success), first.Message);
            Assert.That(second.Outcome, Is.EqualTo(QfPayOutcome.Success), second.Message);
            Assert.That(first.Response.OriginalSyssn, Is.EqualTo(payment.Syssn));
            Assert.That(third.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(third.ResponseCode, Is.EqualTo("1272"));
            Assert.That(records.Where(r => r.IsRefund).Sum(r => r.AmountInMinorUnits), Is.EqualTo(8000));
            Assert.That(records.Single(r => r.IsRefund && r.Syssn == first.Response.Syssn).OriginalSyssn, Is.EqualTo(payment.Syssn));
        });
    }

    [Test]
    public async Task A_reused_refund_number_is_a_duplicate_to_be_queried()
    {
        var payment = await CreatePaymentAsync();
        (await _host.PayAsync(payment.Syssn!)).Dispose();
        var refund = Refund(payment.Syssn!, 100, 1);

        await _client.RefundAsync(_account, refund);
        var again = await _client.RefundAsync(_account, refund);

        Assert.Multiple(() =>
        {
            Assert.That(again.Outcome, Is.EqualTo(QfPayOutcome.InProgress));
            Assert.That(again.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.1251.DuplicateOutTradeNo"));
        });
    }

    [Test]
    public async Task A_reused_payment_number_is_a_duplicate_to_be_queried()
    {
        var request = Payment();
        await _client.CreatePaymentAsync(_account, request);

        var again = await _client.CreatePaymentAsync(_account, request);

        Assert.Multiple(() =>
        {
            Assert.That(again.ResponseCode, Is.EqualTo("1102"));
            Assert.That(again.RequiresQuery, Is.True);
        });
    }

    [Test]
    public async Task A_wrong_key_is_a_signature_failure()
    {
        var result = await _client.CreatePaymentAsync(_account with { ClientKey = "00000000000000000000000000000000" }, Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(result.ResponseCode, Is.EqualTo("1108"));
        });
    }

    [Test]
    public async Task An_unknown_app_code_is_a_failure()
    {
        var result = await _client.CreatePaymentAsync(_account with { AppCode = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF" }, Payment());

        Assert.That(result.ResponseCode, Is.EqualTo("1106"));
    }

    [Test]
    public async Task Sha256_signatures_are_accepted()
    {
        var result = await _client.CreatePaymentAsync(AccountFor(_host, signType: QfPaySignType.Sha256), Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True, result.Message);
            Assert.That(_host.Requests.Single().Headers["X-QF-SIGNTYPE"], Is.EqualTo("SHA256"));
        });
    }

    [Test]
    public async Task A_service_window_payment_returns_a_trade_number()
    {
        var result = await _client.CreatePaymentAsync(_account, Payment() with
        {
            PayType = QfPayPayType.AlipayServiceWindowH5, OpenId = "2088802811715388", ExpiresInMinutes = null,
        });

        Assert.That(result.Response?.TradeNo, Is.Not.Null.And.Not.Empty, result.Message);
    }

    [TestCase(FaultKind.Http429, QfPayProblem.RateLimited)]
    [TestCase(FaultKind.Http5xx, QfPayProblem.ServerError)]
    [TestCase(FaultKind.DropConnection, QfPayProblem.NetworkError)]
    public async Task A_transport_fault_on_payment_is_unknown_and_the_payment_is_not_resent(FaultKind fault, QfPayProblem problem)
    {
        _host.AddFault(new FaultRule(SimulatorEndpoint.Payment, fault));

        var result = await _client.CreatePaymentAsync(_account, Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(problem));
            Assert.That(_host.PaymentRequests(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_timeout_on_payment_is_unknown_and_the_payment_is_not_resent()
    {
        _host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Timeout) { Delay = TimeSpan.FromSeconds(5) });

        var result = await _client.CreatePaymentAsync(_account.Impatient(), Payment());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.Timeout));
            Assert.That(_host.PaymentRequests(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_timed_out_payment_that_did_go_through_is_found_by_the_query_that_resolves_it()
    {
        var request = Payment();
        var createdAt = DateTimeOffset.UtcNow;
        _host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Timeout) { Delay = TimeSpan.FromSeconds(5), PerformOperation = true });

        var created = await _client.CreatePaymentAsync(_account.Impatient(), request);
        var resolved = await _client.QueryAsync(_account, QueryRequest.ByOutTradeNo(request.OutTradeNo, createdAt));

        Assert.Multiple(() =>
        {
            Assert.That(created.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(resolved.Response?.FindByOutTradeNo(request.OutTradeNo).Single().Status, Is.EqualTo(TransactionStatus.Pending));
            Assert.That(_host.PaymentRequests(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_5xx_on_refund_is_unknown_and_the_refund_is_not_resent()
    {
        var payment = await CreatePaymentAsync();
        (await _host.PayAsync(payment.Syssn!)).Dispose();
        _host.AddFault(new FaultRule(SimulatorEndpoint.Refund, FaultKind.Http5xx) { StatusCode = 502 });

        var result = await _client.RefundAsync(_account, Refund(payment.Syssn!, 100, 1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.HttpStatus, Is.EqualTo(502));
            Assert.That(_host.RefundRequests(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Code_1143_on_creation_is_in_progress_and_a_query_then_finds_the_record()
    {
        var request = Payment();
        var createdAt = DateTimeOffset.UtcNow;
        _host.AddFault(new FaultRule(SimulatorEndpoint.Payment, FaultKind.InProgress1143) { Times = 1 });

        var created = await _client.CreatePaymentAsync(_account, request);
        var resolved = await _client.QueryAsync(_account, QueryRequest.ByOutTradeNo(request.OutTradeNo, createdAt));

        Assert.Multiple(() =>
        {
            Assert.That(created.Outcome, Is.EqualTo(QfPayOutcome.InProgress));
            Assert.That(created.ResponseCode, Is.EqualTo("1143"));
            Assert.That(resolved.Response?.FindByOutTradeNo(request.OutTradeNo).Single().Syssn, Is.Not.Null);
            Assert.That(_host.PaymentRequests(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_merchant_with_a_mchid_sends_it_and_one_without_never_does()
    {
        var options = new SimulatorOptions();
        options.Merchants.Add(new SimulatedMerchant("B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0", "C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1", "ZaMVg12345"));
        await using var host = await QfPaySimulatorHost.StartAsync(options);

        var withMchid = await _client.CreatePaymentAsync(AccountFor(host, options.Merchants[1]), Payment());
        var without = await _client.CreatePaymentAsync(AccountFor(host), Payment());

        Assert.Multiple(() =>
        {
            Assert.That(withMchid.IsSuccess, Is.True, withMchid.Message);
            Assert.That(without.IsSuccess, Is.True, without.Message);
            Assert.That(host.Requests[0].Form["mchid"], Is.EqualTo("ZaMVg12345"));
            Assert.That(host.Requests[1].Form.ContainsKey("mchid"), Is.False);
        });
    }

    [Test]
    public async Task An_attempt_created_at_month_end_is_still_found_after_the_month_turns()
    {
        // QFPay's clock (the simulator's) already shows 1 April when our 31 March attempt arrives.
        var qfpayClock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 0, 0, 20, QfPayTime.Offset));
        var options = new SimulatorOptions { TimeProvider = qfpayClock };
        await using var host = await QfPaySimulatorHost.StartAsync(options);
        var ourClock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 23, 59, 50, QfPayTime.Offset));
        var client = NewClient(ourClock);
        var request = Payment();

        await client.CreatePaymentAsync(AccountFor(host), request);
        qfpayClock.Advance(TimeSpan.FromDays(3));
        var query = await client.QueryAsync(AccountFor(host), QueryRequest.ByOutTradeNo(request.OutTradeNo, ourClock.GetUtcNow()));

        Assert.Multiple(() =>
        {
            Assert.That(query.Response?.FindByOutTradeNo(request.OutTradeNo), Is.Not.Empty, query.Message);
            Assert.That(host.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Query), Is.EqualTo(2));
        });
    }
}
