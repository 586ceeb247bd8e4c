using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Acceptance;

/// <summary>
/// Issue #5's acceptance: the whole trip over real HTTP. The plugin's checkout calls the local QFPay simulator, the
/// test presses Pay on the simulator's cashier, the simulator posts its signed notification to the plugin's
/// notification route served by Kestrel on 127.0.0.1, and the return page is opened as the wallet's redirect would.
/// nopCommerce's own services are Moq stand-ins (see <see cref="Shop"/>).
/// </summary>
[TestFixture]
[NonParallelizable]
public class CheckoutAcceptanceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [TestCase(QfPayPayType.AlipayCrossBorderWap)]
    [TestCase(QfPayPayType.AlipayHongKongWap)]
    public async Task A_shopper_pays_in_the_wallet_and_the_order_is_marked_paid_once(QfPayPayType payType)
    {
        await using var shop = await LiveShop.StartAsync(s => s.Settings.PayType = payType);
        var order = shop.AddOrder(128m);

        var checkout = await shop.PostProcessAsync(order);

        var attempt = shop.Attempts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(checkout.Response.StatusCode, Is.EqualTo(StatusCodes.Status302Found), "core only recognises 301/302 (docs/nopcommerce.md §1.5)");
            Assert.That(checkout.Response.Headers.Location.ToString(), Is.EqualTo(attempt.PayUrl));
            Assert.That(attempt.PayUrl, Does.StartWith(shop.Simulator.BaseAddress.ToString().TrimEnd('/')));
            Assert.That(attempt.Status, Is.EqualTo(PaymentAttemptStatus.AwaitingPayment));
            Assert.That((attempt.AmountMinor, attempt.CurrencyCode, attempt.PayType), Is.EqualTo((12800L, "HKD", (int)payType)));
            Assert.That(attempt.OutTradeNo, Does.StartWith(order.CustomOrderNumber + "-1-"));
        });

        var sent = shop.Simulator.Requests.Single(r => r.Endpoint == SimulatorEndpoint.Payment).Form;
        Assert.Multiple(() =>
        {
            Assert.That(sent["notify_url"], Is.EqualTo(shop.NotifyUrl.ToString()));
            Assert.That(sent["return_url"], Is.EqualTo($"{shop.BaseUrl}Plugins/QfPayAlipay/Return/{attempt.OutTradeNo}"));
            Assert.That(sent["return_url"], Has.Length.LessThanOrEqualTo(200));
            Assert.That(sent["goods_name"], Is.EqualTo($"Order {order.CustomOrderNumber}"));
            Assert.That(sent["expired_time"], Is.EqualTo("30"));
            Assert.That(sent["pay_type"], Is.EqualTo(payType.ToCode()));
        });

        using (var paid = await shop.Simulator.PayAsync(attempt.Syssn!))
            Assert.That(paid.Headers.Location?.ToString(), Is.EqualTo(sent["return_url"]));
        await shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);

        var delivery = shop.Simulator.Deliveries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Target, Is.EqualTo(shop.NotifyUrl));
            Assert.That((delivery.StatusCode, delivery.ResponseBody), Is.EqualTo(((int?)200, "SUCCESS")));
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(attempt.Syssn));
            Assert.That(shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
        });
        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);

        AssertCompleted(await shop.ReturnAsync(attempt.OutTradeNo), order);
    }

    [Test]
    public async Task Fifty_concurrent_deliveries_and_the_return_page_mark_the_order_paid_exactly_once()
    {
        await using var shop = await LiveShop.StartAsync(
            s => s.MarkPaidDelay = TimeSpan.FromMilliseconds(300),
            simulator => simulator.Faults.Add(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DuplicateNotifications) { Count = 50, Concurrent = true }));
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.Single();

        var pay = shop.Simulator.PayAsync(attempt.Syssn!);
        await WaitUntilAsync(() => shop.Claims.All.Count > 0);
        // The winning delivery holds the settlement (mark-paid takes 300 ms); the shopper is back at the same time.
        var returnPage = shop.ReturnAsync(attempt.OutTradeNo);
        using (await pay)
        {
        }

        AssertCompleted(await returnPage, order);
        await shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);

        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
        var deliveries = shop.Simulator.Deliveries;
        Assert.That(deliveries.Count(d => d.Attempt == 1), Is.EqualTo(50));
        Assert.That(deliveries.Select(d => (d.StatusCode, d.ResponseBody)), Is.All.AnyOf(((int?)200, "SUCCESS"), ((int?)503, "RETRY")),
            "every delivery gets a defined answer");
        Assert.That(deliveries.Any(d => d.Acknowledged), Is.True);
        Assert.That(shop.NotesOf(order).Count(n => n.Contains("marked paid")), Is.EqualTo(1));
    }

    [Test]
    public async Task A_store_that_forbids_credit_cards_sends_limit_pay_no_credit_to_QFPay()
    {
        await using var shop = await LiveShop.StartAsync(s => s.Settings.LimitPayNoCredit = true);
        var order = shop.AddOrder();

        await shop.PostProcessAsync(order);

        var payment = shop.Simulator.Requests.Single(r => r.Endpoint == SimulatorEndpoint.Payment);
        Assert.That(payment.Form["limit_pay"], Is.EqualTo("no_credit"));
    }

    [Test]
    public async Task The_return_page_settles_a_payment_whose_notification_is_still_on_its_way()
    {
        await using var shop = await LiveShop.StartAsync(simulator: simulator =>
            simulator.Faults.Add(new FaultRule(SimulatorEndpoint.Notification, FaultKind.Latency) { Delay = TimeSpan.FromSeconds(2) }));
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.Single();

        var pay = shop.Simulator.PayAsync(attempt.Syssn!);
        await Task.Delay(200);

        AssertCompleted(await shop.ReturnAsync(attempt.OutTradeNo), order);
        Assert.That(shop.Simulator.Deliveries, Is.Empty, "the notification has not arrived yet");
        using (await pay)
        {
        }

        await shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);
        Assert.That(shop.Simulator.Deliveries.Single().ResponseBody, Is.EqualTo("SUCCESS"), "the late notification is a duplicate");
        Assert.That(shop.NotesOf(order).Single(n => n.Contains("marked paid")), Does.Contain("when the shopper returned from Alipay"));
        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
    }

    [Test]
    public async Task A_dropped_notification_is_made_good_by_the_return_page()
    {
        await using var shop = await LiveShop.StartAsync(simulator: simulator =>
            simulator.Faults.Add(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DropNotification)));
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.Single();

        using (await shop.Simulator.PayAsync(attempt.Syssn!))
        {
        }

        await shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);
        Assert.That(shop.Simulator.Deliveries, Is.Empty);
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));

        AssertCompleted(await shop.ReturnAsync(attempt.OutTradeNo), order);
        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
        Assert.That(shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Query), Is.EqualTo(1), "one query, by syssn");
    }

    [Test]
    public async Task A_shopper_back_before_paying_sees_the_waiting_page_until_the_notification_arrives()
    {
        await using var shop = await LiveShop.StartAsync();
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.Single();

        var waiting = await shop.ReturnAsync(attempt.OutTradeNo);

        var view = waiting as ViewResult;
        Assert.That(view?.Model, Is.EqualTo(new PaymentPendingModel(order.Id, order.CustomOrderNumber, 5)));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));

        using (await shop.Simulator.PayAsync(attempt.Syssn!))
        {
        }

        await shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);
        AssertCompleted(await shop.ReturnAsync(attempt.OutTradeNo), order);
        Assert.That(shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Query), Is.EqualTo(1),
            "a paid order needs no second query");
    }

    [Test]
    public async Task A_payment_cancelled_in_the_wallet_sends_the_shopper_to_the_problem_page_with_retry()
    {
        await using var shop = await LiveShop.StartAsync();
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.Single();

        using (await shop.Simulator.CancelAsync(attempt.Syssn!))
        {
        }

        var page = await shop.ReturnAsync(attempt.OutTradeNo);

        var redirect = page as RedirectToRouteResult;
        Assert.That(redirect?.RouteName, Is.EqualTo(QfPayAlipayDefaults.Routes.PaymentProblem));
        Assert.That(redirect?.RouteValues?["orderGuid"], Is.EqualTo(order.OrderGuid));
        Assert.That(shop.Attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Failed));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task Refused_by_QFPay_the_shopper_lands_on_the_problem_page_and_the_attempt_is_kept()
    {
        await using var shop = await LiveShop.StartAsync();
        shop.Settings.ClientKey = "00000000000000000000000000000000";
        var order = shop.AddOrder();

        var checkout = await shop.PostProcessAsync(order);

        var attempt = shop.Attempts.Single();
        AssertProblemPage(checkout, shop, order);
        Assert.Multiple(() =>
        {
            Assert.That(attempt.Status, Is.EqualTo(PaymentAttemptStatus.Failed));
            Assert.That(attempt.LastResponseCode, Is.EqualTo("1108"));
            Assert.That(shop.NotesOf(order).Single(), Does.Contain("1108").And.Contain(attempt.OutTradeNo));
        });
    }

    [TestCase(FaultKind.Http5xx)]
    [TestCase(FaultKind.Timeout)]
    [TestCase(FaultKind.DropConnection)]
    public async Task When_QFPay_cannot_be_reached_the_attempt_is_kept_as_unknown_and_the_order_stays_pending(FaultKind fault)
    {
        await using var shop = await LiveShop.StartAsync(
            s => s.Timeouts = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)),
            simulator => simulator.Faults.Add(new FaultRule(SimulatorEndpoint.Payment, fault) { Delay = TimeSpan.FromSeconds(3), Times = 1 }));
        var order = shop.AddOrder();

        var checkout = await shop.PostProcessAsync(order);

        AssertProblemPage(checkout, shop, order);
        var attempt = shop.Attempts.Single();
        Assert.That(attempt.Status, Is.EqualTo(PaymentAttemptStatus.Unknown), "the payment may exist: only a query may close it (docs/qfpay-protocol.md §11.11)");
        Assert.That(shop.NotesOf(order).Single(), Does.Contain(attempt.OutTradeNo).And.Contain("unknown outcome"));

        // Retry payment: a new attempt with a new out_trade_no.
        var retry = await shop.PostProcessAsync(order);

        Assert.That(retry.Response.Headers.Location.ToString(), Does.StartWith(shop.Simulator.BaseAddress.ToString().TrimEnd('/')));
        Assert.That(shop.Attempts.All.Select(a => a.AttemptNumber), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(shop.Attempts.All.Select(a => a.OutTradeNo).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Retry_payment_while_the_first_link_is_open_hands_out_that_link_and_starts_no_second_payment()
    {
        // Case 2 of "one order, one charge": nopCommerce's "Retry payment" used to start a new QFPay payment every time.
        await using var shop = await LiveShop.StartAsync();
        var order = shop.AddOrder();
        var first = await shop.PostProcessAsync(order);

        var retry = await shop.PostProcessAsync(order);
        var canRetry = await shop.InScopeAsync(services => PaymentMethodFactory.Create(services).CanRePostProcessPaymentAsync(order));

        Assert.Multiple(() =>
        {
            Assert.That(retry.Response.Headers.Location.ToString(), Is.EqualTo(first.Response.Headers.Location.ToString()));
            Assert.That(shop.Attempts.All, Has.Count.EqualTo(1));
            Assert.That(shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Payment), Is.EqualTo(1));
            Assert.That(canRetry, Is.True, "the order page still offers to complete the payment: it leads to the same link");
        });
    }

    [Test]
    public async Task Retry_payment_after_the_first_link_was_paid_settles_that_payment_and_starts_none()
    {
        // Case 2: the notification is a few seconds late; the shopper presses "Retry payment" on the order page.
        await using var shop = await LiveShop.StartAsync(simulator: ReconciliationRig.DropNotifications);
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.Single();
        using (await shop.Simulator.PayAsync(attempt.Syssn!))
        {
        }

        // The link has a minute left, less than a link is handed out with: only a query can tell that it was paid.
        shop.Attempts.SetExpiry(attempt.Id, DateTime.UtcNow.AddMinutes(1));
        var retry = (await shop.PostProcessAsync(order)).Response.Headers.Location.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(shop.Attempts.All, Has.Count.EqualTo(1));
            Assert.That(shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Payment), Is.EqualTo(1));
            Assert.That(retry, Does.Contain("PaymentProblem"), "the problem page, which sends a paid order to its completed page");
        });
        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
    }

    [Test]
    public async Task A_second_payment_of_a_paid_order_is_flagged_as_a_duplicate_and_the_order_is_not_marked_twice()
    {
        await using var shop = await LiveShop.StartAsync();
        var order = shop.AddOrder();
        await shop.PostProcessAsync(order);
        var first = shop.Attempts.Single();

        // A second link of the same order, as two tabs or a version before the retry guard could leave behind.
        var outTradeNo = OutTradeNumber.ForPayment(order.CustomOrderNumber, 2);
        var second = await shop.InScopeAsync(async services =>
        {
            var payment = (await services.GetRequiredService<QfPayClient>().CreatePaymentAsync(SimulatorScenario.AccountFor(shop.Simulator),
                SimulatorScenario.Payment(outTradeNo, 12800, shop.NotifyUrl.ToString()))).EnsureSuccess();
            return shop.Attempts.Seed(new QfPayPaymentAttempt
            {
                OrderId = order.Id, StoreId = order.StoreId, OutTradeNo = outTradeNo,
                AttemptNumber = 2, AmountMinor = 12800, CurrencyCode = "HKD", PayType = (int)shop.Settings.PayType,
                Status = PaymentAttemptStatus.AwaitingPayment, Syssn = payment.Syssn, PayUrl = payment.PayUrl,
                CreatedOnUtc = DateTime.UtcNow, UpdatedOnUtc = DateTime.UtcNow, ChargedOrderTotal = order.OrderTotal,
            });
        });

        using (await shop.Simulator.PayAsync(first.Syssn!))
        {
        }

        using (await shop.Simulator.PayAsync(second.Syssn!))
        {
        }

        await shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(shop.Simulator.Deliveries.Select(d => d.ResponseBody), Is.All.EqualTo("SUCCESS"));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(first.Syssn));
            Assert.That(shop.NotesOf(order).Last(), Does.Contain("DUPLICATE PAYMENT").And.Contain(second.Syssn));
            Assert.That(shop.Attempts.All.Select(a => a.Status), Is.EqualTo(new[] { PaymentAttemptStatus.Paid, PaymentAttemptStatus.DuplicatePayment }));
        });
        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(order), Times.Once);
    }

    [Test]
    public async Task An_amount_above_Alipays_limit_is_not_sent_to_QFPay()
    {
        await using var shop = await LiveShop.StartAsync();
        var order = shop.AddOrder(1_000_000.01m);

        var checkout = await shop.PostProcessAsync(order);

        AssertProblemPage(checkout, shop, order);
        Assert.That(shop.Simulator.Requests, Is.Empty);
        Assert.That(shop.NotesOf(order).Single(), Does.Contain("limit"));
    }

    [Test]
    public async Task The_order_total_is_converted_to_the_charge_currency_with_the_stores_rate()
    {
        await using var shop = await LiveShop.StartAsync(s =>
        {
            s.Settings.PayType = QfPayPayType.AlipayCrossBorderWap;
            s.Settings.ChargeCurrency = "CNY";
        });
        var order = shop.AddOrder(100.005m);

        await shop.PostProcessAsync(order);

        // 100.005 × 0.92 = 92.0046, rounded half away from zero to 9200 fen (MinorUnits).
        var attempt = shop.Attempts.Single();
        Assert.That((attempt.AmountMinor, attempt.CurrencyCode), Is.EqualTo((9200L, "CNY")));
        Assert.That(shop.Simulator.Requests.Single().Form["txamt"], Is.EqualTo("9200"));
    }

    private static void AssertCompleted(IActionResult result, Order order)
    {
        var redirect = result as RedirectToRouteResult;
        Assert.That(redirect?.RouteName, Is.EqualTo(NopRouteNames.Standard.CHECKOUT_COMPLETED), $"expected the completed page, got {result}");
        Assert.That(redirect?.RouteValues?["orderId"], Is.EqualTo(order.Id));
    }

    private static void AssertProblemPage(HttpContext checkout, LiveShop shop, Order order)
    {
        Assert.That(checkout.Response.StatusCode, Is.EqualTo(StatusCodes.Status302Found));
        Assert.That(checkout.Response.Headers.Location.ToString(), Is.EqualTo($"{shop.BaseUrl}Plugins/QfPayAlipay/PaymentProblem/{order.OrderGuid:D}"));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        shop.OrderProcessing.Verify(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>()), Times.Never);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }
}
