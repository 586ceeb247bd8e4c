using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;
using Nop.Services.Payments;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #8, suite 3: QFPay timing out, failing (5xx), rate limiting (429) or dropping the connection at each call
/// (payment, query, refund), and the database failing between "claimed" and "marked paid". The order must end
/// consistent (never marked twice, never marked without a verified payment) and the next delivery, return page or
/// reconciliation run must repair what can be repaired; nothing is lost. In memory, then (issue #14) with the plugin's
/// tables in a fresh database per scenario on each engine stores run.
/// </summary>
[TestFixtureSource(typeof(ProofDatabases), nameof(ProofDatabases.All))]
[NonParallelizable]
public class FailureTests(ProofTables tables)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    private static readonly FaultKind[] CallFaults = [FaultKind.Timeout, FaultKind.Http5xx, FaultKind.Http429, FaultKind.DropConnection];

    private readonly List<(string Scenario, int MarkPaidCalls, int QfPayCalls)> _counts = [];
    private string? _engine;
    private int _uniqueViolations;
    private EngineDatabase? _database;

    private JumpingClock _clock = null!;
    private ReconciliationRig _rig = null!;
    private ReconciliationRig.Node _node = null!;

    [OneTimeSetUp]
    public async Task PrintSeed()
    {
        ProofSeed.For(tables == ProofTables.InMemory ? nameof(FailureTests) : $"{nameof(FailureTests)}.{tables}", 0); // the fault table is fixed; printed for uniformity

        // An engine this run cannot reach ignores (or on CI fails) the whole fixture once, not each scenario.
        await using var probe = await ProofDatabases.CreateAsync(tables, "failureprobe");
        _engine = probe?.Label;
    }

    [SetUp]
    public async Task StartShopAndSimulator()
    {
        _clock = new JumpingClock(Start);
        _database = await ProofDatabases.CreateAsync(tables, "failure");
        _rig = await ReconciliationRig.WithSimulatorAsync(_clock, database: _database);

        // A QFPay that holds the request (Timeout fault, 1 s) outlasts the client's own limit: a real client timeout.
        _rig.Shop.Timeouts = new QfPayTimeouts(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300));
    }

    [TearDown]
    public async Task Stop()
    {
        _counts.Add((TestContext.CurrentContext.Test.Name, _rig.Shop.MarkPaidCalls, _rig.Simulator!.Requests.Count));
        _uniqueViolations += _rig.Shop.Tables.UniqueViolations;
        Assert.That(SecretScan.Find(_rig.Shop.Log.Lines.Select(static (l, i) => ($"log line {i}", (string?)(l.Message + " " + l.Exception)))), Is.Empty);
        await _rig.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [OneTimeTearDown]
    public void PrintCounts()
    {
        // "Bodies tried" counts scenarios here; a state change is an order marked paid (at most once per scenario).
        if (_counts.Count == 0)
            return;

        new ProofCounts(nameof(FailureTests), _counts.Count, 0, _counts.Count(static c => c.MarkPaidCalls > 0), _counts.Sum(static c => c.MarkPaidCalls),
            $"most mark-as-paid calls in one scenario {_counts.Select(static c => c.MarkPaidCalls).DefaultIfEmpty().Max()}, QFPay calls {_counts.Sum(static c => c.QfPayCalls)}")
        {
            Engine = _engine,
            UniqueViolations = _uniqueViolations,
        }.Print();
        foreach (var (scenario, markPaid, calls) in _counts)
            ProofLog.WriteLine($"[{nameof(FailureTests)}{(_engine is null ? string.Empty : $":{_engine}")}]   {scenario}: mark-as-paid calls {markPaid}, QFPay calls {calls}");
    }

    private static FaultRule Fault(SimulatorEndpoint endpoint, FaultKind kind, bool performed) => new(endpoint, kind)
    {
        Times = 1,
        Delay = kind == FaultKind.Timeout ? TimeSpan.FromSeconds(1) : TimeSpan.Zero,
        PerformOperation = performed,
    };

    private int Calls(SimulatorEndpoint endpoint) => _rig.Simulator!.Requests.Count(r => r.Endpoint == endpoint);

    [TestCaseSource(nameof(CallFaults))]
    public async Task A_payment_call_that_fails_after_QFPay_created_the_payment_leaves_the_order_unpaid_until_reconciliation_finds_it_paid(FaultKind kind)
    {
        _node = _rig.NewNode();
        var order = _rig.Shop.AddOrder(128m);
        _rig.Simulator!.AddFault(Fault(SimulatorEndpoint.Payment, kind, performed: true));

        var redirect = await CheckoutAsync(order);

        var attempt = (await _rig.Shop.Tables.AttemptsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(redirect, Does.Not.StartWith(_rig.Simulator.BaseAddress.ToString()), "the shopper is not sent to a pay URL nobody saw");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.Zero);
            Assert.That(attempt.Status, Is.Not.EqualTo(PaymentAttemptStatus.Paid));
        });

        // QFPay did create it; the shopper pays it (e.g. from a wallet's history). No notification reaches the shop.
        var record = (await _node.InScopeAsync(s => s.GetRequiredService<QfPayClient>()
            .QueryAsync(_rig.Account, QueryRequest.ByOutTradeNo(attempt.OutTradeNo, new DateTimeOffset(attempt.CreatedOnUtc, TimeSpan.Zero)))))
            .EnsureSuccess().FindByOutTradeNo(attempt.OutTradeNo).Single();
        (await _rig.Simulator.PayAsync(record.Syssn!)).Dispose();
        _clock.Advance(TimeSpan.FromMinutes(6));

        await _node.RunReconciliationAsync();
        await _node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "recovered, nothing lost");
            Assert.That(order.CaptureTransactionId, Is.EqualTo(record.Syssn));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(Calls(SimulatorEndpoint.Payment), Is.EqualTo(1), "a payment whose answer was lost is never created again");
        });
    }

    [TestCaseSource(nameof(CallFaults))]
    public async Task A_payment_call_that_fails_before_QFPay_created_anything_leaves_nothing_to_pay_and_nothing_marked(FaultKind kind)
    {
        _node = _rig.NewNode();
        var order = _rig.Shop.AddOrder(128m);
        _rig.Simulator!.AddFault(Fault(SimulatorEndpoint.Payment, kind, performed: false));

        await CheckoutAsync(order);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await _node.RunReconciliationAsync();

        var attempts = await _rig.Shop.Tables.AttemptsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.Zero, "never marked without a verified payment");
            Assert.That(attempts.Single().Status, Is.Not.EqualTo(PaymentAttemptStatus.Paid));
        });
    }

    [TestCaseSource(nameof(CallFaults))]
    public async Task A_query_that_fails_keeps_the_shopper_waiting_and_the_next_look_marks_the_order_paid_once(FaultKind kind)
    {
        _node = _rig.NewNode();
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        _rig.Simulator!.AddFault(Fault(SimulatorEndpoint.Query, kind, performed: false));

        var first = await ReturnPageAsync(attempt.OutTradeNo);
        Assert.Multiple(() =>
        {
            Assert.That(first.Kind, Is.Not.EqualTo(ReturnPageKind.Completed));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.Zero);
        });

        _clock.Advance(ReturnPageDecider.QueryInterval + TimeSpan.FromSeconds(1));
        var second = await ReturnPageAsync(attempt.OutTradeNo);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await _node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Kind, Is.EqualTo(ReturnPageKind.Completed));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(RefundCases))]
    public async Task A_refund_call_that_fails_is_never_sent_twice_and_reconciliation_records_what_QFPay_did(FaultKind kind, bool performed)
    {
        _node = _rig.NewNode();
        var (order, _) = await _rig.PaidOrderAsync(_node);
        _rig.Simulator!.AddFault(Fault(SimulatorEndpoint.Refund, kind, performed));

        var result = await _node.RefundThroughNopAsync(order, 28m, partial: true);
        var refundedAtFirst = order.RefundedAmount;
        _clock.Advance(TimeSpan.FromMinutes(3));
        await _node.RunReconciliationAsync();
        _clock.Advance(TimeSpan.FromMinutes(11));
        await _node.RunReconciliationAsync();

        // A refund QFPay never made is declared failed only after RefundTimings.NotFoundGrace (15 min) without a
        // record, at the task's next visit (every ReconciliationIntervalMinutes).
        for (var run = 0; run < 2; run++)
        {
            _clock.Advance(TimeSpan.FromMinutes(11));
            await _node.RunReconciliationAsync();
        }

        var refund = (await _rig.Shop.Tables.RefundsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(Calls(SimulatorEndpoint.Refund), Is.EqualTo(1), "a refund whose answer was lost is never sent again");
            Assert.That(refundedAtFirst, Is.EqualTo(result.Success ? 28m : 0m), "nopCommerce records a refund only on success");
            Assert.That(refund.Status, Is.EqualTo(performed ? RefundStatus.Succeeded : RefundStatus.Failed));
            Assert.That(order.RefundedAmount, Is.EqualTo(performed ? 28m : 0m), "what QFPay did, recorded once");
            Assert.That(_rig.Shop.MarkPaidCalls, Is.Zero);
        });
    }

    private static IEnumerable<TestCaseData> RefundCases() =>
        CallFaults.SelectMany(static kind => new[] { new TestCaseData(kind, true), new TestCaseData(kind, false) });

    [Test]
    public async Task A_claim_whose_completion_fails_once_is_completed_by_the_holder_trying_again()
    {
        _rig.Shop.LastRegistrations = services => services.Replace(ServiceDescriptor.Singleton<ISettlementClaimStore>(
            provider => new ThrowOnceAfterClaimStore(_rig.Shop.Tables.SettlementClaimStoreOf(provider), failedWrites: 1)));
        _node = _rig.NewNode();
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        var notification = SignedNotification.Post(SignedNotification.PaymentFor(attempt), _rig.Shop.Settings.ClientKey!);

        var first = await DeliverAsync(notification);
        var again = await DeliverAsync(notification);

        var claims = await _rig.Shop.Tables.ClaimsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.Reason, Is.EqualTo(NotifyReason.Settled), "the holder completes its claim on the second try");
            Assert.That(claims.Single().Outcome, Is.EqualTo(SettlementClaimOutcome.MarkedPaid));
            Assert.That(again.Reason, Is.EqualTo(NotifyReason.Duplicate));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_database_failing_before_the_order_is_saved_answers_retry_and_the_next_delivery_marks_it_paid_once()
    {
        _node = _rig.NewNode();
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        // nopCommerce's mark-paid saves the order first thing; the first save loses its connection.
        var saves = 0;
        _rig.Shop.OrderProcessing.Setup(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>())).Returns(async (Order paid) =>
        {
            if (Interlocked.Increment(ref saves) == 1)
                throw new TestDatabaseException("connection lost while saving the order");
            _rig.Shop.CountMarkPaid(); // only a mark that went through counts

            paid.PaymentStatus = PaymentStatus.Paid;
            paid.OrderStatus = OrderStatus.Processing;
            await Task.CompletedTask;
        });
        var notification = SignedNotification.Post(SignedNotification.PaymentFor(attempt), _rig.Shop.Settings.ClientKey!);

        var first = await DeliverAsync(notification);
        var pendingAfterFailure = order.PaymentStatus;
        var second = await DeliverAsync(notification);
        var third = await DeliverAsync(notification);

        Assert.Multiple(() =>
        {
            Assert.That(first.Reason, Is.EqualTo(NotifyReason.TransientFailure), "503 RETRY: QFPay delivers it again");
            Assert.That(pendingAfterFailure, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(second.Reason, Is.EqualTo(NotifyReason.Settled), "the released claim is taken over at once");
            Assert.That(third.Reason, Is.EqualTo(NotifyReason.Duplicate));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_database_failing_after_the_order_was_marked_paid_leaves_an_open_claim_that_reconciliation_completes_without_marking_again()
    {
        // Two failed writes: completing the claim, then the holder's own release of it (the database is still down).
        // With one, the release itself writes the completion the holder had already set on the row (see below).
        ThrowOnceAfterClaimStore? failing = null;
        _rig.Shop.LastRegistrations = services => services.Replace(ServiceDescriptor.Singleton<ISettlementClaimStore>(
            provider => failing ??= new ThrowOnceAfterClaimStore(_rig.Shop.Tables.SettlementClaimStoreOf(provider), failedWrites: 2)));
        _node = _rig.NewNode();
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        var notification = SignedNotification.Post(SignedNotification.PaymentFor(attempt), _rig.Shop.Settings.ClientKey!);

        var first = await DeliverAsync(notification);
        var claimAfterFailure = (await _rig.Shop.Tables.ClaimsAsync()).Single();
        _clock.Advance(TimeSpan.FromMinutes(6));
        await _node.RunReconciliationAsync();
        var again = await DeliverAsync(notification);

        var claims = await _rig.Shop.Tables.ClaimsAsync();
        var attempts = await _rig.Shop.Tables.AttemptsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(failing!.HasThrown, Is.True);
            Assert.That(first.Reason, Is.EqualTo(NotifyReason.TransientFailure));
            Assert.That(claimAfterFailure.CompletedOnUtc, Is.Null, "claimed, marked paid, not completed");
            // The taker replaces the dead holder on the order's claim (a guarded UPDATE, so one taker) and completes it.
            Assert.That(claims.Where(static c => c.CompletedOnUtc is not null).Select(static c => c.ClaimKey),
                Is.EqualTo(new[] { SettlementClaimKeys.Order(order.Id) }), "reconciliation took the claim over and completed it");
            Assert.That(again.IsSuccess, Is.True);
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1), "never marked twice");
            Assert.That(attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
        });
    }

    private Task<NotifyAnswer> DeliverAsync(IncomingNotification notification) =>
        _node.InScopeAsync(s => s.GetRequiredService<NotificationHandler>().HandleAsync(notification));

    private Task<ReturnPageDecision> ReturnPageAsync(string outTradeNo) =>
        _node.InScopeAsync(s => s.GetRequiredService<ReturnPageDecider>().ForReturnAsync(outTradeNo));

    /// <summary>PostProcessPaymentAsync as core calls it; returns where the shopper was sent.</summary>
    private Task<string> CheckoutAsync(Order order) => _node.InScopeAsync(async services =>
    {
        var context = new DefaultHttpContext();
        var method = PaymentMethodFactory.Create(services, new HttpContextAccessor { HttpContext = context });
        await method.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        return context.Response.Headers.Location.ToString();
    });
}
