using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Refunds;

/// <summary>
/// QFPay's refusals of a refund (docs/qfpay-protocol.md §5.2, §8.2), each answered by a fake QFPay: the admin reads QFPay's reason for
/// that code and what to do about it, the refund row is closed as failed, and nothing is sent twice.
/// </summary>
public class RefundRefusalTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 19, 1, 30, 0, TimeSpan.Zero);

    private static readonly object[] Refusals =
    [
        new object[] { "1265", "refund not allowed between 23:30 and 00:30", QfPayResponseCodes.RefundTimeWindow.Description },
        new object[] { "1265", "exceeded the refundable time limit", QfPayResponseCodes.RefundPeriodOver.Description },
        new object[] { "1269", "Today this payment method refundable balance is 0 HKD", Description("1269") },
        new object[] { "1124", "For void request, it must be a full refund", Description("1124") },
        new object[] { "1251", "store configuration error", Description("1251") },
        new object[] { "1264", "order already closed", Description("1264") },
        new object[] { "1270", "currency does not support partial refund", Description("1270") },
        new object[] { "1271", "transaction does not support partial refund", Description("1271") },
        new object[] { "1272", "refund exceeds the refundable amount", Description("1272") },
    ];

    private static string Description(string code) => QfPayResponseCodes.Find(code)!.Description;

    private static async Task<(string Message, ReconciliationRig Rig, RecordingHandler QfPay)> RefuseAsync(string code, string respmsg)
    {
        var qfpay = RecordingHandler.Answering($$"""{"respcd":"{{code}}","resperr":"refund failed","respmsg":"{{respmsg}}"}""");
        var rig = ReconciliationRig.WithHandler(new JumpingClock(Start), () => qfpay);
        var node = rig.NewNode();
        var order = rig.Shop.AddOrder();
        var attempt = rig.Shop.SeedAttempt(order, status: PaymentAttemptStatus.Paid);
        order.PaymentStatus = PaymentStatus.Paid;
        order.CaptureTransactionId = attempt.Syssn;

        var result = await node.RefundThroughNopAsync(order, 28m, partial: true);
        Assert.That(order.RefundedAmount, Is.Zero, "nopCommerce records nothing");
        return (result.Errors.Single(), rig, qfpay);
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Each_refusal_tells_the_admin_QFPays_reason_for_that_code_and_that_nothing_was_refunded(string code, string respmsg, string reason)
    {
        var (message, rig, qfpay) = await RefuseAsync(code, respmsg);
        await using var _ = rig;

        var refund = rig.Refunds.All.Single();
        Assert.Multiple(() =>
        {
            Assert.That(message, Is.EqualTo($"QFPay did not accept the refund (code {code}): {reason} Nothing was refunded."));
            Assert.That(qfpay.Requests, Has.Count.EqualTo(1), "one refund call, no query, no retry");
            Assert.That(refund.Status, Is.EqualTo(RefundStatus.Failed));
            Assert.That(refund.LastResponseCode, Is.EqualTo(code));
        });
    }

    [Test]
    public async Task The_refusals_read_differently_from_one_another()
    {
        var messages = new List<string>();
        foreach (object[] refusal in Refusals)
        {
            var (message, rig, _) = await RefuseAsync((string)refusal[0], (string)refusal[1]);
            await rig.DisposeAsync();
            messages.Add(message);
        }

        Assert.That(messages, Is.Unique);
    }

    [Test]
    public async Task The_stores_own_text_for_a_code_is_used_when_it_has_one()
    {
        var qfpay = RecordingHandler.Answering("""{"respcd":"1269","resperr":"refund failed","respmsg":"balance is 0"}""");
        await using var rig = ReconciliationRig.WithHandler(new JumpingClock(Start), () => qfpay);
        rig.Localization.Setup(l => l.GetResourceAsync(QfPayResponseCodes.Find("1269")!.MessageKey)).ReturnsAsync("今日營業額不足以退款。");
        var order = rig.Shop.AddOrder();
        var attempt = rig.Shop.SeedAttempt(order, status: PaymentAttemptStatus.Paid);
        order.PaymentStatus = PaymentStatus.Paid;

        var result = await rig.NewNode().RefundThroughNopAsync(order, 28m, partial: true);

        Assert.That(result.Errors.Single(), Is.EqualTo("QFPay did not accept the refund (code 1269): 今日營業額不足以退款。 Nothing was refunded."));
    }

    [Test]
    public async Task A_refusal_frees_the_payment_for_the_next_refund_under_a_new_number()
    {
        var (_, rig, qfpay) = await RefuseAsync("1265", "refund not allowed between 23:30 and 00:30");
        await using var _ = rig;
        var order = rig.Shop.OrderService.Object.GetOrderByIdAsync(rig.Refunds.All.Single().OrderId).Result;

        await rig.NewNode().RefundThroughNopAsync(order, 28m, partial: true);

        var numbers = qfpay.Requests.Select(static r => r.Form["out_trade_no"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(numbers, Has.Count.EqualTo(2));
            Assert.That(numbers, Is.Unique);
            Assert.That(rig.Refunds.All.Select(static r => r.Sequence), Is.EqualTo(new[] { 1, 2 }));
        });
    }
}
