using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Core.Domain.Vendors;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Messages;
using Nop.Services.Payments;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// One test per case of "one order, one charge": each a real path through the plugin where two entry points meet
/// (docs/money-invariants.md). The simulator plays QFPay; two nodes share the tables where the case needs them.
/// </summary>
[TestFixture]
[NonParallelizable]
public class OneOrderOneChargeTests
{
    private const string OtherStoreKey = "5A4C0E0F9B3D4A21B6C7D8E9F0A1B2C3";
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    private JumpingClock _clock = null!;
    private ReconciliationRig _rig = null!;
    private ReconciliationRig.Node _node = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new JumpingClock(Start);
        _rig = await ReconciliationRig.WithSimulatorAsync(_clock, ReconciliationRig.DropNotifications);
        _node = _rig.NewNode();
    }

    [TearDown]
    public async Task StopAsync() => await _rig.DisposeAsync();

    private string Key => _rig.Shop.Settings.ClientKey!;

    private int SimulatorCalls(SimulatorEndpoint endpoint) => _rig.Simulator!.Requests.Count(r => r.Endpoint == endpoint);

    private Task<NotifyAnswer> DeliverAsync(ReconciliationRig.Node node, IncomingNotification notification) =>
        node.InScopeAsync(s => s.GetRequiredService<NotificationHandler>().HandleAsync(notification));

    private Task<NotifyAnswer> DeliverAsync(IncomingNotification notification) => DeliverAsync(_node, notification);

    /// <summary>PostProcessPaymentAsync as core calls it for a phone's browser; returns where the shopper was sent.</summary>
    private Task<string> PostProcessAsync(Order order) => _node.InScopeAsync(async services =>
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = UserAgents.IPhoneSafari;
        var method = PaymentMethodFactory.Create(services, new HttpContextAccessor { HttpContext = context });
        await method.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        return context.Response.Headers.Location.ToString();
    });

    [Test]
    public async Task Case_01_two_payments_of_one_order_reported_at_once_on_two_nodes_mark_it_paid_once_and_flag_the_other()
    {
        _rig.Shop.MarkPaidDelay = TimeSpan.FromMilliseconds(200);
        var other = _rig.NewNode();
        var (order, first) = await _rig.OpenPaymentAsync(_node, pay: true);
        var second = await _rig.OpenPaymentAsync(_node, order, 2, pay: true);
        _clock.Advance(TimeSpan.FromMinutes(6));

        // The notification of one payment on one node while the other node's reconciliation finds the other one.
        await Task.WhenAll(
            Task.Run(() => DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(first), Key))),
            Task.Run(() => DeliverAsync(other, SignedNotification.Post(SignedNotification.PaymentFor(second), Key))),
            Task.Run(other.RunReconciliationAsync));

        // Whatever lost the race (a report answered "busy") is found by the next reconciliation run.
        _clock.Advance(TimeSpan.FromMinutes(11));
        await _node.RunReconciliationAsync();

        var attempts = _rig.Shop.Attempts.All;
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1), "an order is marked paid at most once");
            Assert.That(attempts.Select(static a => a.Status), Is.EquivalentTo(new[] { PaymentAttemptStatus.Paid, PaymentAttemptStatus.DuplicatePayment }));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(attempts.Single(static a => a.Status == PaymentAttemptStatus.Paid).Syssn),
                "the order keeps the payment that paid it");
            Assert.That(_rig.Shop.NotesOf(order).Count(static n => n.Contains("DUPLICATE PAYMENT", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Case_02_retry_payment_while_the_link_is_open_starts_no_second_payment()
    {
        var order = _rig.Shop.AddOrder();
        var first = await PostProcessAsync(order);

        var retry = await PostProcessAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(retry, Is.EqualTo(first), "the same link again");
            Assert.That(SimulatorCalls(SimulatorEndpoint.Payment), Is.EqualTo(1));
            Assert.That(_rig.Shop.Attempts.All, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Case_03_a_partial_refund_after_the_exchange_rate_moved_is_its_share_of_the_charge()
    {
        // A store whose primary currency is not HKD: US$100 charged as HK$780.00 at 7.80.
        _rig.Shop.Currencies["HKD"].Rate = 7.80m;
        var order = _rig.Shop.AddOrder(100m);
        await PostProcessAsync(order);
        var attempt = _rig.Shop.Attempts.Single();
        (await _rig.Simulator!.PayAsync(attempt.Syssn!)).Dispose();
        await DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(attempt), Key));
        _rig.Shop.Currencies["HKD"].Rate = 7.90m;

        var half = await _node.RefundThroughNopAsync(order, 50m, partial: true);
        var rest = await _node.RefundThroughNopAsync(order, 50m, partial: true);

        var sent = _rig.Simulator.Requests.Where(static r => r.Endpoint == SimulatorEndpoint.Refund).Select(static r => r.Form["txamt"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempt.AmountMinor, Is.EqualTo(78000));
            Assert.That((half.Success, rest.Success), Is.EqualTo((true, true)));
            Assert.That(sent, Is.EqualTo(new[] { "39000", "39000" }), "never today's 7.90 (39500 for US$50)");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        });
    }

    [Test]
    public async Task Case_04_refunding_the_rest_of_an_edited_order_refunds_only_that_share_of_the_payment()
    {
        var (order, _) = await _rig.PaidOrderAsync(_node, 12800);
        order.OrderTotal = 100m;

        var rest = await _node.RefundThroughNopAsync(order, 100m, partial: true);

        Assert.Multiple(() =>
        {
            Assert.That(rest.Success, Is.True);
            Assert.That(_rig.Simulator!.Requests.Single(static r => r.Endpoint == SimulatorEndpoint.Refund).Form["txamt"], Is.EqualTo("10000"),
                "what nopCommerce records (100 of the 128 paid), not the whole 12800");
            Assert.That(order.RefundedAmount, Is.EqualTo(100m));
        });
    }

    [Test]
    public async Task Case_05_a_refund_notification_signed_with_another_stores_key_confirms_nothing()
    {
        var otherStore = new QfPayAlipaySettings { ClientKey = OtherStoreKey, AppCode = "OTHERSTOREAPPCODE00000000000000", Environment = QfPayEnvironment.Custom, CustomBaseUrl = "http://127.0.0.1:9/" };
        _rig.Shop.StoreSettings[2] = otherStore;
        _rig.Shop.StoreService.Setup(s => s.GetAllStoresAsync())
            .ReturnsAsync(() => [new Store { Id = Shop.StoreId, Name = "Demo store" }, new Store { Id = 2, Name = "Test credentials" }]);
        var (order, payment) = await _rig.PaidOrderAsync(_node, 12800);
        var pending = await SeedRefundAsync(order, payment, RefundStatus.Pending, "10025-R1-AAAAAA");
        var failed = await SeedRefundAsync(order, payment, RefundStatus.Failed, "10025-R2-BBBBBB");

        var forPending = await DeliverAsync(SignedNotification.Post(RefundNotice(pending), OtherStoreKey));
        var forFailed = await DeliverAsync(SignedNotification.Post(RefundNotice(failed), OtherStoreKey));

        Assert.Multiple(() =>
        {
            Assert.That((forPending.Reason, forFailed.Reason), Is.EqualTo((NotifyReason.WrongStoreKey, NotifyReason.WrongStoreKey)));
            Assert.That(_rig.Refunds.All.Select(static r => r.Status), Is.EqualTo(new[] { RefundStatus.Pending, RefundStatus.Failed }));
            Assert.That(order.RefundedAmount, Is.Zero);
        });

        var genuine = await DeliverAsync(SignedNotification.Post(RefundNotice(pending), Key));
        Assert.That(genuine.Reason, Is.EqualTo(NotifyReason.RefundRecorded), "the owning store's key still confirms it");
    }

    private async Task<QfPayRefund> SeedRefundAsync(Order order, QfPayPaymentAttempt payment, RefundStatus status, string outTradeNo)
    {
        var sent = _clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(10);
        var refund = new QfPayRefund
        {
            OrderId = order.Id, StoreId = order.StoreId, PaymentAttemptId = payment.Id, PaymentSyssn = payment.Syssn!, Sequence = _rig.Refunds.All.Count + 1,
            OutTradeNo = outTradeNo, AmountMinor = 2800, CurrencyCode = "HKD", AmountPrimary = 28m, IsPartial = true, Status = status,
            CreatedOnUtc = sent, UpdatedOnUtc = sent,
        };
        await _rig.Refunds.InsertAsync(refund);
        return refund;
    }

    private static NotificationContent RefundNotice(QfPayRefund refund) => new()
    {
        NotifyType = "refund",
        OutTradeNo = refund.OutTradeNo,
        Syssn = "2025031915540002" + refund.Id.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
        Txamt = refund.AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Txcurrcd = refund.CurrencyCode,
        PayType = "801512",
    };

    [Test]
    public async Task Case_06_the_shoppers_page_says_paid_only_when_the_order_is_paid()
    {
        // QFPay reports the link paid for another amount than was sent: the order must not read as paid anywhere.
        var order = _rig.Shop.AddOrder();
        var attempt = await SeedAttemptOfAnotherAmountAsync(order);
        _clock.Advance(TimeSpan.FromMinutes(6));

        var page = await _node.InScopeAsync(s => s.GetRequiredService<PaymentStatusReporter>().ReportAsync(order.OrderGuid));
        await _node.RunReconciliationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(page.State, Is.EqualTo(ShopperPaymentState.Problem), "not \"paid\": the store has to look at it");
            Assert.That(_rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Mismatch));
            Assert.That(attempt.AmountMinor, Is.EqualTo(10000));
        });
    }

    /// <summary>A payment created at QFPay for 128.00 and paid, recorded as if 100.00 had been asked.</summary>
    private async Task<QfPayPaymentAttempt> SeedAttemptOfAnotherAmountAsync(Order order)
    {
        var outTradeNo = OutTradeNumber.ForPayment(order.CustomOrderNumber, 1);
        var payment = (await _node.InScopeAsync(s => s.GetRequiredService<QfPayClient>()
            .CreatePaymentAsync(_rig.Account, SimulatorScenario.Payment(outTradeNo, 12800)))).EnsureSuccess();
        (await _rig.Simulator!.PayAsync(payment.Syssn!)).Dispose();
        var now = _clock.GetUtcNow().UtcDateTime;
        return _rig.Shop.Attempts.Seed(new QfPayPaymentAttempt
        {
            OrderId = order.Id, StoreId = order.StoreId, OutTradeNo = outTradeNo, AttemptNumber = 1, AmountMinor = 10000, CurrencyCode = "HKD",
            PayType = (int)_rig.Shop.Settings.PayType, Status = PaymentAttemptStatus.AwaitingPayment, Syssn = payment.Syssn, PayUrl = payment.PayUrl,
            CreatedOnUtc = now, UpdatedOnUtc = now, ExpiresOnUtc = now.AddMinutes(30), ChargedOrderTotal = 100m,
        });
    }

    [Test]
    public async Task Case_07_a_vendor_cannot_run_check_status_now()
    {
        var (order, _) = await _rig.OpenPaymentAsync(_node, pay: true);
        _rig.Shop.WorkContext.Setup(w => w.GetCurrentVendorAsync()).ReturnsAsync(new Vendor { Id = 3 });
        var notifications = new Mock<INotificationService>();

        await _node.InScopeAsync(services => QfPayOrderStatusControllerTests.Controller(services, notifications.Object).CheckStatus(order.Id));

        Assert.Multiple(() =>
        {
            Assert.That(SimulatorCalls(SimulatorEndpoint.Query), Is.Zero, "QFPay is not asked on a vendor's behalf");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
        notifications.Verify(n => n.WarningNotification(It.Is<string>(t => t.Contains("Vendors")), true, 0), Times.Once);
    }

    [Test]
    public async Task Case_08_a_link_is_not_handed_out_again_after_its_own_expiry_when_the_setting_was_lengthened()
    {
        _rig.Shop.Settings.PaymentExpiryMinutes = 10;
        var order = _rig.Shop.AddOrder();
        await PostProcessAsync(order);
        var first = _rig.Shop.Attempts.Single();
        _rig.Shop.Settings.PaymentExpiryMinutes = 60;
        _clock.Advance(TimeSpan.FromMinutes(20));

        var resumed = await _node.InScopeAsync(s => s.GetRequiredService<PaymentResumer>()
            .ResumeAsync(order.OrderGuid, BrowserClassifier.Classify(UserAgents.IPhoneSafari)));

        Assert.Multiple(() =>
        {
            Assert.That(resumed.RedirectUrl, Is.Not.EqualTo(first.PayUrl), "a link sent with 10 minutes is dead after 20, whatever the setting says now");
            Assert.That(_rig.Shop.Attempts.All.First().Status, Is.EqualTo(PaymentAttemptStatus.Expired));
        });
    }

    [Test]
    public async Task Case_09_a_status_written_later_from_an_older_read_cannot_undo_a_payment()
    {
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        var staleRead = await _rig.Shop.Attempts.FindByOutTradeNoAsync(attempt.OutTradeNo);
        await DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(attempt), Key));

        // What a status check that read the attempt before the notification would write afterwards.
        var undone = await _rig.Shop.Attempts.TryChangeAsync(staleRead!.Id, new AttemptChange(PaymentAttemptStatus.AwaitingPayment, null, DateTime.UtcNow));
        var closed = await _rig.Shop.Attempts.TryChangeAsync(staleRead.Id, new AttemptChange(PaymentAttemptStatus.Failed, "closed", DateTime.UtcNow));

        Assert.Multiple(() =>
        {
            Assert.That((undone, closed), Is.EqualTo((false, false)));
            Assert.That(_rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    [Test]
    public async Task Case_09_the_expiry_cancel_never_runs_on_an_order_a_payment_is_settling()
    {
        _rig.Shop.Settings.AutoCancelExpiredOrders = true;
        var (order, attempt) = await _rig.OpenPaymentAsync(_node);
        await _rig.Shop.Attempts.TryChangeAsync(attempt.Id, new AttemptChange(PaymentAttemptStatus.Expired, "expired", DateTime.UtcNow));
        _clock.Advance(TimeSpan.FromHours(1));
        // A late payment of it is being settled on another node right now.
        _rig.Shop.Claims.SeedOpenClaim(attempt, _clock.GetUtcNow().UtcDateTime);

        var cancelled = await _node.InScopeAsync(s => s.GetRequiredService<ExpiredOrderCanceller>().TryCancelAsync(attempt, _rig.Shop.Settings, "test"));

        Assert.Multiple(() =>
        {
            Assert.That(cancelled, Is.False);
            Assert.That(order.OrderStatus, Is.EqualTo(OrderStatus.Pending));
            _rig.Shop.OrderProcessing.Verify(p => p.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>()), Times.Never);
        });
    }

    [TestCase("3", "801512")]
    [TestCase("5", "801512")]
    [TestCase("0", "801107")]
    public async Task Case_10_a_payment_reported_refunded_or_of_another_pay_type_does_not_pay_the_order(string cancel, string payType)
    {
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);

        var answer = await DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(attempt) with { Cancel = cancel, PayType = payType }, Key));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Reason, Is.EqualTo(NotifyReason.Mismatch));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.Zero);
        });
    }

    [Test]
    public async Task Case_10_a_charge_currency_qfpay_does_not_list_is_never_sent()
    {
        _rig.Shop.Settings.ChargeCurrency = "KRW";
        _rig.Shop.Currencies["KRW"] = new Nop.Core.Domain.Directory.Currency { Id = 9, CurrencyCode = "KRW", Rate = 180m, Published = true };
        var order = _rig.Shop.AddOrder();

        await PostProcessAsync(order);

        Assert.That(SimulatorCalls(SimulatorEndpoint.Payment), Is.Zero);
        Assert.That(_rig.Shop.NotesOf(order).Single(), Does.Contain("KRW"));
    }

    [Test]
    public async Task Case_11_completing_a_settlement_interrupted_inside_mark_paid_tells_the_admin_on_the_order()
    {
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        // A node marked the order paid and died inside nopCommerce's paid processing (e-mails, reward points).
        order.CaptureTransactionId = attempt.Syssn;
        order.PaymentStatus = PaymentStatus.Paid;
        _rig.Shop.Claims.SeedOpenClaim(attempt, _clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5));

        var answer = await DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(attempt), Key));

        Assert.Multiple(() =>
        {
            Assert.That(answer.IsSuccess, Is.True);
            Assert.That(_rig.Shop.MarkPaidCalls, Is.Zero, "never marked again");
            Assert.That(_rig.Shop.NotesOf(order).Single(), Does.Contain("interrupted").And.Contain("may not have finished"));
            Assert.That(_rig.Shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
        });
    }

    [Test]
    public async Task Case_12_a_verified_notification_missing_fields_is_settled_from_a_query_instead_of_refused()
    {
        var (order, attempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        var bare = SignedNotification.PaymentFor(attempt) with { NotifyType = "", Syssn = "" };

        var answer = await DeliverAsync(SignedNotification.Post(bare, Key));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Reason, Is.EqualTo(NotifyReason.RecoveredByQuery));
            Assert.That(answer.IsSuccess, Is.True);
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(SimulatorCalls(SimulatorEndpoint.Query), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Case_13_a_claim_whose_holder_crashed_is_taken_over_at_once_and_a_live_holder_is_never_overlapped()
    {
        var (crashedOrder, crashedAttempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        var (busyOrder, busyAttempt) = await _rig.OpenPaymentAsync(_node, pay: true);
        var crashed = new TestClaimHolder("crashed-node", _rig.Shop.CrashedHolders);
        var alive = new TestClaimHolder("live-node", _rig.Shop.CrashedHolders);
        _rig.Shop.Claims.SeedOpenClaim(crashedAttempt, _clock.GetUtcNow().UtcDateTime, crashed.Token);
        _rig.Shop.Claims.SeedOpenClaim(busyAttempt, _clock.GetUtcNow().UtcDateTime, alive.Token);
        crashed.Crash();

        var afterCrash = await DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(crashedAttempt), Key));
        var whileAlive = await DeliverAsync(SignedNotification.Post(SignedNotification.PaymentFor(busyAttempt), Key));

        Assert.Multiple(() =>
        {
            Assert.That(afterCrash.Reason, Is.EqualTo(NotifyReason.Settled), "seconds after the crash, not a lease later");
            Assert.That(crashedOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(whileAlive.Reason, Is.EqualTo(NotifyReason.SettlementBusy), "a live holder's claim is left to it");
            Assert.That(busyOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(_rig.Shop.MarkPaidCalls, Is.EqualTo(1));
        });
    }
}
