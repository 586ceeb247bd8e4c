using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Notifications;

[TestFixture]
public class NotificationHandlerTests
{
    private const string OtherKey = "0000000000000000000000000000FFFF";

    private FakeTimeProvider _clock = null!;
    private Shop _shop = null!;
    private IServiceProvider _services = null!;
    private Order _order = null!;
    private QfPayPaymentAttempt _attempt = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 18, 6, 0, 0, TimeSpan.Zero));
        _shop = new Shop(_clock) { Timings = Shop.TimingsForFakeClock };
        _services = _shop.BuildServices();
        _order = _shop.AddOrder();
        _attempt = _shop.SeedAttempt(_order);
    }

    private string Key => _shop.Settings.ClientKey!;

    private NotificationContent Paid => SignedNotification.PaymentFor(_attempt);

    private Task<NotifyAnswer> HandleAsync(IncomingNotification notification) =>
        _services.CreateScope().ServiceProvider.GetRequiredService<NotificationHandler>().HandleAsync(notification);

    /// <summary>Every answer the notification route can give; the same table is in NotifyAnswer's remarks and the README.</summary>
    private static readonly object[] EveryAnswer =
    [
        new object[] { NotifyReason.Settled, 200, "SUCCESS" },
        new object[] { NotifyReason.Duplicate, 200, "SUCCESS" },
        new object[] { NotifyReason.UnknownTransaction, 200, "SUCCESS" },
        new object[] { NotifyReason.Mismatch, 200, "SUCCESS" },
        new object[] { NotifyReason.DuplicatePayment, 200, "SUCCESS" },
        new object[] { NotifyReason.OrderNotPayable, 200, "SUCCESS" },
        new object[] { NotifyReason.NotSuccessful, 200, "SUCCESS" },
        new object[] { NotifyReason.RefundRecorded, 200, "SUCCESS" },
        new object[] { NotifyReason.RecoveredByQuery, 200, "SUCCESS" },
        new object[] { NotifyReason.MethodNotAllowed, 405, "METHOD NOT ALLOWED" },
        new object[] { NotifyReason.PayloadTooLarge, 413, "PAYLOAD TOO LARGE" },
        new object[] { NotifyReason.EmptyBody, 400, "EMPTY BODY" },
        new object[] { NotifyReason.Malformed, 400, "MALFORMED" },
        new object[] { NotifyReason.MissingSignature, 401, "MISSING SIGNATURE" },
        new object[] { NotifyReason.BadSignature, 401, "BAD SIGNATURE" },
        new object[] { NotifyReason.WrongStoreKey, 401, "BAD SIGNATURE" },
        new object[] { NotifyReason.KeyNotConfigured, 503, "RETRY" },
        new object[] { NotifyReason.SettlementBusy, 503, "RETRY" },
        new object[] { NotifyReason.QueryPending, 503, "RETRY" },
        new object[] { NotifyReason.RefundRetryLater, 503, "RETRY" },
        new object[] { NotifyReason.TransientFailure, 503, "RETRY" },
    ];

    [TestCaseSource(nameof(EveryAnswer))]
    public void Each_reason_has_its_documented_status_and_body(NotifyReason reason, int status, string body)
    {
        var answer = NotifyAnswer.For(reason);

        Assert.That((answer.StatusCode, answer.Body), Is.EqualTo((status, body)));
        Assert.That(answer.IsSuccess, Is.EqualTo(status == 200), "QFPay stops retrying only on 200 SUCCESS (docs/qfpay-protocol.md §6.5)");
    }

    [Test]
    public void The_table_lists_every_reason_and_nothing_else()
    {
        Assert.That(EveryAnswer.Select(row => (NotifyReason)((object[])row)[0]), Is.EquivalentTo(Enum.GetValues<NotifyReason>()));
        Assert.That(NotifyAnswer.Table.Keys, Is.EquivalentTo(Enum.GetValues<NotifyReason>()));
    }

    [Test]
    public async Task A_verified_payment_is_settled_and_answered_SUCCESS()
    {
        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Settled));
        Assert.That(answer.IsSuccess, Is.True);
        Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        _shop.HealthLog.Verify(h => h.CountNotificationAsync(Shop.StoreId, IntegrationEventKind.NotificationAccepted,
            nameof(NotifyReason.Settled), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_repeated_notification_is_answered_SUCCESS_without_marking_again()
    {
        await HandleAsync(SignedNotification.Post(Paid, Key));
        _clock.Advance(TimeSpan.FromMinutes(2)); // QFPay's own retry: the node no longer remembers its answer

        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Duplicate));
        Assert.That(answer.IsSuccess, Is.True);
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(_order), Times.Once);
    }

    [Test]
    public async Task An_identical_delivery_seconds_later_takes_the_remembered_answer_and_reads_nothing()
    {
        await HandleAsync(SignedNotification.Post(Paid, Key));
        var readsAfterFirst = _shop.Attempts.Reads;
        _clock.Advance(NotificationCoalescer.RecentAnswerLifetime - TimeSpan.FromSeconds(1));

        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Duplicate), "counted as the duplicate it is");
            Assert.That(_shop.Attempts.Reads, Is.EqualTo(readsAfterFirst), "no lookup");
            _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(_order), Times.Once);
        });
    }

    [Test]
    public async Task A_settling_notification_runs_as_nopCommerces_background_task_customer_set_before_the_order_is_marked_paid()
    {
        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Settled));
        // QFPay sends no cookie: without this, nopCommerce's work context would create a guest customer per notification.
        Assert.That(_shop.NopCalls, Is.EqualTo(new[] { "current customer: BackgroundTask", "MarkOrderAsPaidAsync" }));
    }

    [Test]
    public async Task Refused_and_unknown_notifications_never_ask_nopCommerce_for_a_customer()
    {
        await HandleAsync(SignedNotification.Post(Paid, OtherKey));
        await HandleAsync(SignedNotification.Post(Paid with { OutTradeNo = "99999-1-ZZZZZZ" }, Key));

        _shop.CustomerService.Verify(c => c.GetOrCreateBackgroundTaskUserAsync(), Times.Never);
        Assert.That(_shop.NopCalls, Is.Empty);
    }

    /// <summary>Deliveries that must change nothing, and what each is answered.</summary>
    private static IEnumerable<TestCaseData> Refused()
    {
        yield return Case("a forged signature", (t, c) => SignedNotification.Post(c, OtherKey), NotifyReason.BadSignature);
        yield return Case("a tampered amount", (t, c) => SignedNotification.Tampered(c, c with { Txamt = "1" }, t.Key), NotifyReason.BadSignature);
        yield return Case("a missing signature header", (t, c) => SignedNotification.Post(c.ToBody(), null), NotifyReason.MissingSignature);
        yield return Case("a signature header that is not an MD5", (t, c) => new IncomingNotification("POST", Encoding.UTF8.GetBytes(c.ToBody()), "not-a-signature"),
            NotifyReason.BadSignature);
        yield return Case("malformed JSON", (t, c) => SignedNotification.Post("{\"out_trade_no\": ", t.Key), NotifyReason.Malformed);
        yield return Case("a JSON array", (t, c) => SignedNotification.Post("[1, 2]", t.Key), NotifyReason.Malformed);
        yield return Case("a verified object naming no transaction", (t, c) => SignedNotification.Post("{\"notify_type\": \"payment\"}", t.Key), NotifyReason.Malformed);
        yield return Case("an empty body", (t, c) => new IncomingNotification("POST", ReadOnlyMemory<byte>.Empty, "0123456789ABCDEF0123456789ABCDEF"),
            NotifyReason.EmptyBody);
        yield return Case("an oversized body", (t, c) => new IncomingNotification("POST", ReadOnlyMemory<byte>.Empty, null, IsTooLarge: true),
            NotifyReason.PayloadTooLarge);
        yield return Case("a GET instead of a POST", (t, c) => new IncomingNotification("GET", ReadOnlyMemory<byte>.Empty, null), NotifyReason.MethodNotAllowed);
        yield return Case("an unknown out_trade_no signed with another key", (t, c) => SignedNotification.Post(c with { OutTradeNo = "99999-1-ZZZZZZ" }, OtherKey),
            NotifyReason.BadSignature);
    }

    private static TestCaseData Case(string what, Func<NotificationHandlerTests, NotificationContent, IncomingNotification> delivery, NotifyReason reason) =>
        new TestCaseData(delivery, reason).SetArgDisplayNames(what);

    [TestCaseSource(nameof(Refused))]
    public async Task A_delivery_that_is_not_a_valid_QFPay_payment_is_refused_and_changes_nothing(
        Func<NotificationHandlerTests, NotificationContent, IncomingNotification> delivery, NotifyReason reason)
    {
        var answer = await HandleAsync(delivery(this, Paid));

        Assert.That(answer, Is.EqualTo(NotifyAnswer.For(reason)));
        Assert.That(answer.IsSuccess, Is.False, "QFPay (or a forger) must not be told SUCCESS");
        AssertNothingChanged();
        Assert.That(_shop.Log.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message), Has.Some.Contains(reason.ToString()));
    }

    [Test]
    public async Task A_verified_notification_for_an_unknown_out_trade_no_is_acknowledged_and_changes_nothing()
    {
        var answer = await HandleAsync(SignedNotification.Post(Paid with { OutTradeNo = "99999-1-ZZZZZZ" }, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.UnknownTransaction));
        Assert.That(answer.IsSuccess, Is.True, "retrying cannot help, so QFPay may stop");
        AssertNothingChanged();
        Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain("99999-1-ZZZZZZ"));
    }

    [Test]
    public async Task A_verified_payment_in_the_wrong_currency_is_acknowledged_but_does_not_pay_the_order()
    {
        var answer = await HandleAsync(SignedNotification.Post(Paid with { Txcurrcd = "CNY" }, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Mismatch));
        Assert.That(answer.IsSuccess, Is.True);
        Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(_shop.NotesOf(_order).Single(), Does.Contain("currency CNY instead of HKD"));
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }

    [Test]
    public async Task A_verified_payment_with_another_amount_is_acknowledged_but_does_not_pay_the_order()
    {
        var answer = await HandleAsync(SignedNotification.Post(Paid with { Txamt = "100" }, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Mismatch));
        Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(_shop.Log.At(LogLevel.Error).Single(), Does.Contain("amount HKD 1.00"));
    }

    [Test]
    public async Task The_key_of_the_store_that_owns_the_attempt_verifies_it_not_another_stores_key()
    {
        _shop.StoreSettings[0] = new QfPayAlipaySettings { ClientKey = OtherKey };

        var answer = await HandleAsync(SignedNotification.Post(Paid, OtherKey));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.WrongStoreKey), "verified by the other store's key, which is not the attempt's store's");
        Assert.That((answer.StatusCode, answer.Body), Is.EqualTo((401, "BAD SIGNATURE")));
        AssertNothingChanged();
    }

    [Test]
    public async Task A_notification_whose_store_lost_its_key_is_retried_later()
    {
        _shop.Settings.ClientKey = null;

        var answer = await HandleAsync(SignedNotification.Post(Paid, SimulatorOptions.DemoMerchant.ClientKey));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.KeyNotConfigured));
        Assert.That(answer.StatusCode, Is.EqualTo(503));
        AssertNothingChanged();
    }

    [Test]
    public async Task A_verified_notification_that_is_not_a_success_is_acknowledged_and_ignored()
    {
        var answer = await HandleAsync(SignedNotification.Post(Paid with { Respcd = "1143" }, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.NotSuccessful));
        AssertNothingChanged();
    }

    [Test]
    public async Task A_database_failure_answers_503_so_that_QFPay_retries()
    {
        _shop.Claims.IsDown = true;

        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.TransientFailure));
        Assert.That(answer.StatusCode, Is.EqualTo(503));
        Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task A_notification_whose_attempt_cannot_be_looked_up_answers_503()
    {
        _shop.Attempts.IsDown = true;

        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.TransientFailure));
        Assert.That(_shop.Log.At(LogLevel.Error).Single(), Does.Contain("QFPay will retry"));
    }

    [Test]
    public async Task A_settlement_running_elsewhere_answers_503_and_writes_nothing()
    {
        _shop.Claims.SeedOpenClaim(_attempt, _clock.GetUtcNow().UtcDateTime);

        var answer = await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.SettlementBusy));
        Assert.That(answer.StatusCode, Is.EqualTo(503));
        AssertNothingChanged(claimsHeldElsewhere: 1);
    }

    [Test]
    public async Task A_verified_refund_the_plugin_made_is_recorded_once_and_its_duplicate_changes_nothing()
    {
        var refund = await SeedPaidOrderWithPendingRefundAsync(sentAgo: TimeSpan.FromMinutes(10));
        var delivery = SignedNotification.Post(RefundNotificationOf(refund), Key);

        var first = await HandleAsync(delivery);
        var afterFirst = (_order.RefundedAmount, Notes: _shop.Notes.Count, Row: _shop.Refunds.All.Single());
        var duplicate = await HandleAsync(delivery);

        Assert.Multiple(() =>
        {
            Assert.That(first.Reason, Is.EqualTo(NotifyReason.RefundRecorded));
            Assert.That(first.IsSuccess, Is.True);
            Assert.That(afterFirst.RefundedAmount, Is.EqualTo(50m));
            Assert.That(afterFirst.Row.Status, Is.EqualTo(RefundStatus.Succeeded));
            Assert.That(afterFirst.Row.RefundSyssn, Is.EqualTo(RefundSyssn));

            Assert.That(duplicate.Reason, Is.EqualTo(NotifyReason.RefundRecorded));
            Assert.That(duplicate.IsSuccess, Is.True, "QFPay stops repeating it");
            Assert.That(_order.RefundedAmount, Is.EqualTo(50m), "not counted twice");
            Assert.That(_shop.Notes, Has.Count.EqualTo(afterFirst.Notes));
            Assert.That(_shop.Refunds.All.Single().UpdatedOnUtc, Is.EqualTo(afterFirst.Row.UpdatedOnUtc));
            Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        });
        _shop.OrderProcessing.Verify(p => p.PartiallyRefundOfflineAsync(_order, 50m), Times.Once);
        // A refund's out_trade_no names no attempt, so the store is the one whose key verified it (here the default scope).
        _shop.HealthLog.Verify(h => h.CountNotificationAsync(It.IsAny<int>(), IntegrationEventKind.NotificationAccepted,
            nameof(NotifyReason.RefundRecorded), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task A_verified_refund_whose_request_may_still_be_running_is_answered_RETRY_and_taken_on_QFPays_retry()
    {
        var refund = await SeedPaidOrderWithPendingRefundAsync(sentAgo: TimeSpan.FromSeconds(5));
        var delivery = SignedNotification.Post(RefundNotificationOf(refund), Key);

        var early = await HandleAsync(delivery);
        var rowAfterEarly = _shop.Refunds.All.Single();
        _clock.Advance(TimeSpan.FromMinutes(2)); // QFPay's second attempt (docs/qfpay-protocol.md §6.6)
        var retried = await HandleAsync(delivery);

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.EqualTo(NotifyAnswer.For(NotifyReason.RefundRetryLater)));
            Assert.That((early.StatusCode, early.Body), Is.EqualTo((503, "RETRY")));
            Assert.That(rowAfterEarly.Status, Is.EqualTo(RefundStatus.Pending), "the first delivery changed nothing");
            Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain("RETRY").And.Contain(RefundSyssn));
            Assert.That(retried.Reason, Is.EqualTo(NotifyReason.RefundRecorded));
            Assert.That(_order.RefundedAmount, Is.EqualTo(50m));
        });
        _shop.OrderProcessing.Verify(p => p.PartiallyRefundOfflineAsync(_order, 50m), Times.Once);
    }

    [Test]
    public async Task A_verified_refund_the_plugin_did_not_make_is_answered_RETRY_while_QFPay_cannot_be_asked_about_it()
    {
        // Shop's QFPay base URL is 127.0.0.1:9, where nothing listens: the lookup of the refunded payment fails.
        var refund = Paid with { NotifyType = "refund", Syssn = RefundSyssn, OutTradeNo = "elsewhere-R1-ABCDEF", Txamt = "5000" };

        var answer = await HandleAsync(SignedNotification.Post(refund, Key));

        Assert.That(answer.Reason, Is.EqualTo(NotifyReason.RefundRetryLater));
        Assert.That(answer.IsSuccess, Is.False, "the refund is not noted anywhere yet, so QFPay must try again");
        AssertNothingChanged();
        Assert.That(_shop.WorkClaims.All, Is.Empty);
    }

    [Test]
    public async Task Refused_notifications_are_logged_at_most_once_an_hour_per_reason()
    {
        for (var i = 0; i < 5; i++)
            await HandleAsync(SignedNotification.Post(Paid, OtherKey));

        Assert.That(_shop.Log.At(LogLevel.Warning).Count(), Is.EqualTo(1));
        _shop.HealthLog.Verify(h => h.CountNotificationAsync(It.IsAny<int>(), IntegrationEventKind.NotificationRejected,
            nameof(NotifyReason.BadSignature), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(5));
    }

    [Test]
    public async Task The_client_key_never_reaches_the_log_or_the_health_log()
    {
        await HandleAsync(SignedNotification.Post(Paid, OtherKey));
        await HandleAsync(SignedNotification.Post(Paid with { Txcurrcd = "CNY" }, Key));
        await HandleAsync(SignedNotification.Post(Paid, Key));

        Assert.That(_shop.Log.AllText, Does.Not.Contain(Key).And.Not.Contain(OtherKey));
        foreach (var invocation in _shop.HealthLog.Invocations)
            Assert.That(invocation.Arguments.OfType<string>(), Has.None.Contains(Key));
    }

    private const string RefundSyssn = "20250318155400029999000001";

    /// <summary>The order paid through <see cref="_attempt"/>, and a partial refund of HKD 50.00 the plugin sent <paramref name="sentAgo"/>, unconfirmed.</summary>
    private async Task<QfPayRefund> SeedPaidOrderWithPendingRefundAsync(TimeSpan sentAgo)
    {
        _order.PaymentStatus = PaymentStatus.Paid;
        _order.OrderStatus = OrderStatus.Processing;
        await _shop.Attempts.TryChangeAsync(_attempt.Id, new AttemptChange(PaymentAttemptStatus.Paid, "Paid.", _clock.GetUtcNow().UtcDateTime));
        _attempt.Status = PaymentAttemptStatus.Paid;

        // nopCommerce's partial offline refund (docs/nopcommerce.md §6.2), as far as the recorder relies on it.
        _shop.OrderProcessing.Setup(p => p.CanPartiallyRefundOffline(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded
                && amount <= order.OrderTotal - order.RefundedAmount);
        _shop.OrderProcessing.Setup(p => p.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) =>
            {
                order.RefundedAmount += amount;
                order.PaymentStatus = PaymentStatus.PartiallyRefunded;
                return Task.CompletedTask;
            });

        var sent = _clock.GetUtcNow().UtcDateTime - sentAgo;
        var refund = new QfPayRefund
        {
            OrderId = _order.Id,
            StoreId = _order.StoreId,
            PaymentAttemptId = _attempt.Id,
            PaymentSyssn = _attempt.Syssn!,
            Sequence = 1,
            OutTradeNo = OutTradeNumber.ForRefund(_order.CustomOrderNumber, 1),
            AmountMinor = 5000,
            CurrencyCode = "HKD",
            AmountPrimary = 50m,
            IsPartial = true,
            Status = RefundStatus.Pending,
            CreatedOnUtc = sent,
            UpdatedOnUtc = sent,
        };
        Assert.That(await _shop.Refunds.InsertAsync(refund), Is.EqualTo(UniqueInsert.Inserted));
        return refund;
    }

    /// <summary>QFPay's notify_type=refund for <paramref name="refund"/> (docs/qfpay-protocol.md §6.7): the refund's own out_trade_no and syssn.</summary>
    private NotificationContent RefundNotificationOf(QfPayRefund refund) => Paid with
    {
        NotifyType = "refund",
        Syssn = RefundSyssn,
        OutTradeNo = refund.OutTradeNo,
        Txamt = refund.AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private void AssertNothingChanged(int claimsHeldElsewhere = 0)
    {
        Assert.Multiple(() =>
        {
            Assert.That(_order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_shop.Notes, Is.Empty);
            Assert.That(_shop.Claims.All, Has.Count.EqualTo(claimsHeldElsewhere));
            Assert.That(_shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
        });
        _shop.OrderService.Verify(s => s.UpdateOrderAsync(It.IsAny<Order>()), Times.Never);
        _shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }
}
