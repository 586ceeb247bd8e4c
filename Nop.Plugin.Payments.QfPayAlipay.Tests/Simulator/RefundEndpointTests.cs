using System.Text.Json;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

[TestFixture]
public sealed class RefundEndpointTests : SimulatorRigFixture
{
    [Test]
    public async Task Partial_refunds_are_accepted_up_to_the_paid_amount_and_an_over_refund_is_refused_with_1272()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-70-1", 1000);

        var first = await Rig.Client.RefundAsync(syssn, "NOP-70-R1", 400);
        var second = await Rig.Client.RefundAsync(syssn, "NOP-70-R2", 400);
        var tooMuch = await Rig.Client.RefundAsync(syssn, "NOP-70-R3", 300);
        var rest = await Rig.Client.RefundAsync(syssn, "NOP-70-R4", 200);

        Assert.Multiple(() =>
        {
            Assert.That(first.Respcd, Is.EqualTo("0000"));
            Assert.That(first["orig_syssn"], Is.EqualTo(syssn));
            Assert.That(first["syssn"], Does.Match("^[0-9]{26}$").And.Not.EqualTo(syssn));
            Assert.That(first["txamt"], Is.EqualTo("400"));
            Assert.That(second.Respcd, Is.EqualTo("0000"));
            Assert.That(tooMuch.Respcd, Is.EqualTo("1272"));
            Assert.That(rest.Respcd, Is.EqualTo("0000"));
        });
    }

    [Test]
    public async Task A_fully_refunded_payment_is_refused_with_1264()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-71-1", 1000);
        await Rig.Client.RefundAsync(syssn, "NOP-71-R1", 1000);

        var again = await Rig.Client.RefundAsync(syssn, "NOP-71-R2", 1);

        Assert.That(again.Respcd, Is.EqualTo("1264"));
    }

    [Test]
    public async Task The_payment_record_shows_cancel_5_after_a_partial_and_3_after_a_full_refund()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-72-1", 1000);
        var query = new Dictionary<string, string> { ["syssn"] = syssn };

        await Rig.Client.RefundAsync(syssn, "NOP-72-R1", 250);
        var partly = (await Rig.Client.QueryAsync(query)).Records.Single();
        await Rig.Client.RefundAsync(syssn, "NOP-72-R2", 750);
        var fully = (await Rig.Client.QueryAsync(query)).Records.Single();

        Assert.That(partly.GetProperty("cancel").GetString(), Is.EqualTo("5"));
        Assert.That(fully.GetProperty("cancel").GetString(), Is.EqualTo("3"));
        Assert.That(fully.GetProperty("respcd").GetString(), Is.EqualTo("0000"));
    }

    [Test]
    public async Task Refunds_are_listed_as_refund_records_pointing_at_their_payment()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-73-1", 1000);
        var refund = await Rig.Client.RefundAsync(syssn, "NOP-73-R1", 300);

        var byRefundSyssn = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["syssn"] = refund["syssn"] });
        var byOutTradeNo = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["out_trade_no"] = "NOP-73-1,NOP-73-R1" });

        var record = byRefundSyssn.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("order_type").GetString(), Is.EqualTo("refund"));
            Assert.That(record.GetProperty("origssn").GetString(), Is.EqualTo(syssn));
            Assert.That(record.GetProperty("out_trade_no").GetString(), Is.EqualTo("NOP-73-R1"));
            Assert.That(record.GetProperty("txamt").GetString(), Is.EqualTo("300"));
            Assert.That(record.GetProperty("respcd").GetString(), Is.EqualTo("0000"));
            Assert.That(byOutTradeNo.Records.Select(r => r.GetProperty("order_type").GetString()), Is.EquivalentTo(new[] { "payment", "refund" }));
        });
    }

    [Test]
    public async Task A_refund_of_an_unpaid_payment_is_refused_with_1261()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-74-1");

        var reply = await Rig.Client.RefundAsync(syssn, "NOP-74-R1", 100);

        Assert.That(reply.Respcd, Is.EqualTo("1261"));
    }

    [Test]
    public async Task A_refund_of_an_unknown_syssn_is_refused_with_1136()
    {
        var reply = await Rig.Client.RefundAsync("20250318155400020012345678", "NOP-75-R1", 100);

        Assert.That(reply.Respcd, Is.EqualTo("1136"));
    }

    [Test]
    public async Task A_refund_reusing_an_out_trade_no_is_refused_with_1251_out_trade_no_is_used()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-76-1", 1000);
        await Rig.Client.RefundAsync(syssn, "NOP-76-R1", 100);

        var sameRefundNumber = await Rig.Client.RefundAsync(syssn, "NOP-76-R1", 100);
        var paymentNumber = await Rig.Client.RefundAsync(syssn, "NOP-76-1", 100);

        Assert.Multiple(() =>
        {
            Assert.That(sameRefundNumber.Respcd, Is.EqualTo("1251"));
            Assert.That(sameRefundNumber["respmsg"], Is.EqualTo("out_trade_no is used"));
            Assert.That(paymentNumber.Respcd, Is.EqualTo("1251"));
        });
    }

    [Test]
    public async Task A_payment_reusing_a_refund_out_trade_no_is_refused_with_1102()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-77-1", 1000);
        await Rig.Client.RefundAsync(syssn, "NOP-77-R1", 100);

        var reply = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-77-R1"));

        Assert.That(reply.Respcd, Is.EqualTo("1102"));
    }

    [TestCase("txamt", "0")]
    [TestCase("txamt", "1.5")]
    [TestCase("txdtm", "yesterday")]
    [TestCase("out_trade_no", "")]
    [TestCase("syssn", "")]
    public async Task A_malformed_refund_is_refused_with_1104(string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["syssn"] = "20250318155400020012345678",
            ["out_trade_no"] = "NOP-78-R1",
            ["txamt"] = "100",
            ["txdtm"] = SimulatorClient.Now,
            [field] = value,
        };

        var reply = await Rig.Client.PostAsync("trade/v1/refund", fields);

        Assert.That(reply.Respcd, Is.EqualTo("1104"));
    }

    [Test]
    public async Task Concurrent_refunds_never_exceed_the_paid_amount()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-79-1", 1000);

        var replies = await Task.WhenAll(Enumerable.Range(1, 10)
            .Select(i => Rig.Client.RefundAsync(syssn, $"NOP-79-R{i}", 200)));

        Assert.That(replies.Count(reply => reply.Respcd == "0000"), Is.EqualTo(5));
        Assert.That(replies.Where(reply => reply.Respcd != "0000").Select(reply => reply.Respcd).Distinct(),
            Is.SubsetOf(new[] { "1264", "1272" }));
    }

    [Test]
    public async Task A_successful_refund_is_notified_to_the_payment_notify_url_as_notify_type_refund()
    {
        var syssn = await Rig.CreatePaidPaymentAsync("NOP-80-1", 1000);

        var refund = await Rig.Client.RefundAsync(syssn, "NOP-80-R1", 300);
        await Rig.Host.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(10));

        var notification = Rig.Receiver.Notifications.Last();
        using var body = JsonDocument.Parse(notification.RawBody);
        Assert.Multiple(() =>
        {
            Assert.That(Rig.Receiver.Notifications, Has.Count.EqualTo(2));
            Assert.That(notification.Signature, Is.EqualTo(NotificationSignature.Compute(notification.RawBody, Rig.Host.DefaultMerchant.ClientKey)));
            Assert.That(body.RootElement.GetProperty("notify_type").GetString(), Is.EqualTo("refund"));
            Assert.That(body.RootElement.GetProperty("syssn").GetString(), Is.EqualTo(refund["syssn"]));
            Assert.That(body.RootElement.GetProperty("out_trade_no").GetString(), Is.EqualTo("NOP-80-R1"));
            Assert.That(body.RootElement.GetProperty("txamt").GetString(), Is.EqualTo("300"));
            Assert.That(body.RootElement.GetProperty("cancel").GetString(), Is.EqualTo("5"));
            Assert.That(Rig.Host.Deliveries.Last().NotifyType, Is.EqualTo("refund"));
        });
    }
}
