using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Settlement;

[TestFixture]
public class SettlementServiceTests
{
    private FakeTimeProvider _clock = null!;
    private Shop _shop = null!;
    private IServiceProvider _services = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 18, 6, 0, 0, TimeSpan.Zero));
        _shop = new Shop(_clock) { Timings = Shop.TimingsForFakeClock };
        _services = _shop.BuildServices();
    }

    private SettlementService Settlement => _services.CreateScope().ServiceProvider.GetRequiredService<SettlementService>();

    private static PaidFact FactFor(QfPayPaymentAttempt attempt, long? amount = null, string? currency = null, string? syssn = null,
        SettlementSource source = SettlementSource.Notification) =>
        new(attempt.OutTradeNo, syssn ?? attempt.Syssn!, amount ?? attempt.AmountMinor, currency ?? attempt.CurrencyCode, source);

    [Test]
    public async Task A_verified_payment_marks_the_order_paid_and_keeps_the_syssn_on_the_order()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);

        var result = await Settlement.SettleAsync(FactFor(attempt));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(attempt.Syssn));
            Assert.That(order.CaptureTransactionResult, Does.Contain("HKD 128.00"));
            Assert.That(_shop.NotesOf(order).Single(), Does.Contain(attempt.Syssn).And.Contain(attempt.OutTradeNo).And.Contain("HKD 128.00"));
            Assert.That(_shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
            Assert.That(_shop.Claims.All.Single().Outcome, Is.EqualTo(SettlementClaimOutcome.MarkedPaid));
            Assert.That(_shop.Claims.All.Single().CompletedOnUtc, Is.Not.Null);
        });
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
        _shop.OrderService.Verify(s => s.UpdateOrderAsync(order), Times.Never, "mark-paid saves the syssn with the paid status, in one write");
    }

    [Test]
    public async Task The_order_note_is_the_settlements_only_record_unless_debug_logging_is_on()
    {
        var quiet = _shop.AddOrder();
        await Settlement.SettleAsync(FactFor(_shop.SeedAttempt(quiet)));
        _shop.Settings.DebugLogging = true;
        var logged = _shop.AddOrder();
        await Settlement.SettleAsync(FactFor(_shop.SeedAttempt(logged)));

        var note = _shop.NotesOf(logged).Single();
        Assert.Multiple(() =>
        {
            Assert.That(note, Does.StartWith(OrderNotes.Prefix).And.EndWith("."));
            Assert.That(_shop.Log.Lines.Select(static l => l.Message), Has.None.Contains(quiet.CustomOrderNumber + " marked paid"),
                "a settlement costs the store an order note, not also a log row");
            Assert.That(_shop.Log.At(LogLevel.Debug).Single(), Does.StartWith(note));
        });
    }

    [Test]
    public async Task An_attempt_the_caller_has_just_read_is_settled_as_if_read_here()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        var found = await _shop.Attempts.FindByOutTradeNoAsync(attempt.OutTradeNo);

        var result = await Settlement.SettleAsync(FactFor(attempt), found);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(_shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
        });
    }

    [Test]
    public async Task An_attempt_of_another_out_trade_no_handed_in_by_mistake_is_not_used()
    {
        var paidOrder = _shop.AddOrder();
        var paid = _shop.SeedAttempt(paidOrder);
        var otherOrder = _shop.AddOrder();
        var other = _shop.SeedAttempt(otherOrder);

        var result = await Settlement.SettleAsync(FactFor(paid), other);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
            Assert.That(paidOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(otherOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task The_same_payment_settled_again_changes_nothing()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        await Settlement.SettleAsync(FactFor(attempt));

        var again = await Settlement.SettleAsync(FactFor(attempt, source: SettlementSource.ReturnPage));

        Assert.That(again.Outcome, Is.EqualTo(SettlementOutcome.AlreadySettled));
        Assert.That(again.IsDuplicate, Is.True);
        Assert.That(_shop.NotesOf(order).Count(), Is.EqualTo(1));
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Once);
    }

    [Test]
    public async Task Fifty_concurrent_settlements_of_one_payment_mark_the_order_paid_exactly_once()
    {
        _shop.MarkPaidDelay = TimeSpan.FromMilliseconds(50);
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Settlement.SettleAsync(FactFor(attempt)))));

        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
        Assert.That(results.Count(r => r.Outcome == SettlementOutcome.Settled), Is.EqualTo(1));
        Assert.That(results.Where(r => r.Outcome != SettlementOutcome.Settled).Select(r => r.Outcome),
            Is.All.AnyOf(SettlementOutcome.AlreadySettled, SettlementOutcome.Busy), "losers wait for the winner or are told to come back");
        Assert.That(_shop.NotesOf(order).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_payment_for_an_unknown_out_trade_no_changes_nothing()
    {
        var order = _shop.AddOrder();

        var result = await Settlement.SettleAsync(new PaidFact("99999-1-ABCDEF", Shop.NewSyssn(), 12800, "HKD", SettlementSource.Notification));

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.UnknownTransaction));
        Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain("99999-1-ABCDEF"));
        Assert.That(_shop.Claims.All, Is.Empty);
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [TestCase(12700, "HKD", "amount")]
    [TestCase(12800, "CNY", "currency")]
    public async Task A_payment_that_does_not_match_the_attempt_is_not_paid_and_is_noted_once(long amount, string currency, string what)
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);

        var first = await Settlement.SettleAsync(FactFor(attempt, amount, currency));
        var repeated = await Settlement.SettleAsync(FactFor(attempt, amount, currency));

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(SettlementOutcome.Mismatch));
            Assert.That(repeated.Outcome, Is.EqualTo(SettlementOutcome.Mismatch));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Mismatch));
            Assert.That(_shop.NotesOf(order).Single(), Does.Contain(what).And.Contain("NOT marked paid"));
            Assert.That(_shop.Log.At(LogLevel.Error).Single(), Does.Contain(attempt.OutTradeNo));
        });
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
        _shop.OrderService.Verify(s => s.UpdateOrderAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task A_different_syssn_for_a_known_attempt_is_a_mismatch()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);

        var result = await Settlement.SettleAsync(FactFor(attempt, syssn: Shop.NewSyssn()));

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Mismatch));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task A_second_paid_attempt_on_a_paid_order_is_flagged_and_does_not_mark_the_order_again()
    {
        var order = _shop.AddOrder();
        var first = _shop.SeedAttempt(order, attemptNumber: 1);
        var second = _shop.SeedAttempt(order, attemptNumber: 2);
        await Settlement.SettleAsync(FactFor(first));

        var result = await Settlement.SettleAsync(FactFor(second));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.DuplicatePayment));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(first.Syssn), "the order keeps the payment that paid it");
            Assert.That(_shop.NotesOf(order).Last(), Does.Contain("DUPLICATE PAYMENT").And.Contain(second.Syssn).And.Contain("Refund this duplicate payment"));
            Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain("DUPLICATE PAYMENT"));
            Assert.That(_shop.Attempts.All.Select(a => a.Status), Is.EqualTo(new[] { PaymentAttemptStatus.Paid, PaymentAttemptStatus.DuplicatePayment }));
        });
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
    }

    [Test]
    public async Task A_payment_for_a_cancelled_order_is_flagged_for_a_refund()
    {
        var order = _shop.AddOrder();
        order.OrderStatus = OrderStatus.Cancelled;
        var attempt = _shop.SeedAttempt(order);

        var result = await Settlement.SettleAsync(FactFor(attempt));

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.OrderNotPayable));
        Assert.That(_shop.NotesOf(order).Single(), Does.Contain("refund"));
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task A_settlement_held_elsewhere_makes_the_caller_come_back_later_and_writes_nothing()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        _shop.Claims.SeedOpenClaim(attempt, _clock.GetUtcNow().UtcDateTime);

        var result = await Settlement.SettleAsync(FactFor(attempt));

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Busy));
        Assert.That(result.IsRetryable, Is.True);
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(_shop.Notes, Is.Empty);
        Assert.That(_shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
    }

    [Test]
    public async Task A_claim_abandoned_by_a_crashed_node_is_taken_over_after_the_lease_and_completed_once()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        _shop.Claims.SeedOpenClaim(attempt, _clock.GetUtcNow().UtcDateTime);
        _clock.Advance(_shop.Timings.Lease + TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Settlement.SettleAsync(FactFor(attempt)))));

        Assert.That(results.Count(r => r.Outcome == SettlementOutcome.Settled), Is.EqualTo(1));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_shop.Claims.All.Single().HolderToken, Is.Not.EqualTo("another-node/1/1/AB"), "one taker replaced the dead holder");
        Assert.That(_shop.Claims.All.Single().CompletedOnUtc, Is.Not.Null);
        Assert.That(_shop.Log.At(LogLevel.Warning), Has.Some.Contains("taking over"));
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
    }

    [Test]
    public async Task A_takeover_after_a_crash_between_mark_paid_and_completion_does_not_mark_the_order_again()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        order.CaptureTransactionId = attempt.Syssn;
        order.PaymentStatus = PaymentStatus.Paid;
        _shop.Claims.SeedOpenClaim(attempt, _clock.GetUtcNow().UtcDateTime);
        _clock.Advance(TimeSpan.FromMinutes(3));

        var result = await Settlement.SettleAsync(FactFor(attempt));

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
        Assert.That(_shop.Claims.All.Last().Outcome, Is.EqualTo(SettlementClaimOutcome.AlreadyPaid));
        Assert.That(_shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task A_database_failure_is_reported_as_transient_and_leaves_the_order_alone()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        _shop.Claims.IsDown = true;

        var result = await Settlement.SettleAsync(FactFor(attempt));

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.TransientFailure));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task A_holder_that_fails_half_way_releases_its_claim_so_the_next_delivery_completes_it_at_once()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        _shop.OrderService.SetupSequence(s => s.InsertOrderNoteAsync(It.IsAny<OrderNote>()))
            .ThrowsAsync(new TestDatabaseException("connection lost"))
            .Returns(Task.CompletedTask);

        var failed = await Settlement.SettleAsync(FactFor(attempt));
        var retried = await Settlement.SettleAsync(FactFor(attempt));

        Assert.That(failed.Outcome, Is.EqualTo(SettlementOutcome.TransientFailure));
        Assert.That(retried.Outcome, Is.EqualTo(SettlementOutcome.Settled));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(_shop.Claims.All.Last().Outcome, Is.EqualTo(SettlementClaimOutcome.AlreadyPaid), "generation 2 finished what generation 1 began");
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
    }

    [Test]
    public async Task A_holder_that_fails_before_marking_paid_leaves_the_order_to_the_next_delivery()
    {
        var order = _shop.AddOrder();
        var attempt = _shop.SeedAttempt(order);
        // nopCommerce's mark-paid saves the order first; that save deadlocks once.
        var saves = 0;
        _shop.OrderProcessing.Setup(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>())).Returns((Order paid) =>
        {
            if (Interlocked.Increment(ref saves) == 1)
                throw new TestDatabaseException("deadlock");
            paid.PaymentStatus = PaymentStatus.Paid;
            return Task.CompletedTask;
        });

        var failed = await Settlement.SettleAsync(FactFor(attempt));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));

        var retried = await Settlement.SettleAsync(FactFor(attempt));

        Assert.That((failed.Outcome, retried.Outcome), Is.EqualTo((SettlementOutcome.TransientFailure, SettlementOutcome.Settled)));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(saves, Is.EqualTo(2), "the first call failed before saving anything; the retry marked it");
    }
}
