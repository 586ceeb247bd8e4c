using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Notifications;

public class QfPayNotificationTests
{
    private static ConstructedNotification Parse(string body) => QfPayNotification.Parse(Encoding.UTF8.GetBytes(body));

    private static string Body(string overrides = "", string? omit = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["notify_type"] = "\"payment\"",
            ["out_trade_no"] = "\"10025-1-ABC123\"",
            ["syssn"] = "\"20250318155400020012345678\"",
            ["txamt"] = "\"12800\"",
            ["txcurrcd"] = "\"HKD\"",
            ["status"] = "\"1\"",
            ["respcd"] = "\"0000\"",
        };
        if (omit is not null)
            fields.Remove(omit);
        var json = string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}"));
        return "{" + json + (overrides.Length > 0 ? ", " + overrides : "") + "}";
    }

    [Test]
    public void The_shared_payment_vector_parses_into_a_payment_notification()
    {
        var n1 = NotificationVector.Load()[0];

        var result = QfPayNotification.Parse(n1.BodyBytes);

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        var payment = result.Notification as PaymentNotification;
        Assert.That(payment, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(payment!.OutTradeNo, Is.EqualTo("NOP-10025-1"));
            Assert.That(payment.Syssn, Is.EqualTo("20250318155400020012345678"));
            Assert.That(payment.AmountInMinorUnits, Is.EqualTo(12800));
            Assert.That(payment.Currency, Is.EqualTo("HKD"));
            Assert.That(payment.PayType, Is.EqualTo("801512"));
            Assert.That(payment.ChannelSerial, Is.EqualTo("2025031822001400001234567890"));
            Assert.That(payment.MerchantId, Is.Null, "empty strings read as absent");
            Assert.That(payment.Fields["cash_fee"], Is.EqualTo("0"));
        });
    }

    [Test]
    public void The_escaped_chinese_goods_name_of_the_second_vector_is_unescaped()
    {
        var result = QfPayNotification.Parse(NotificationVector.Load()[1].BodyBytes);

        Assert.That(result.Notification?.GoodsName, Is.EqualTo("測試商品"));
    }

    [Test]
    public void A_refund_notification_becomes_a_refund_with_its_original_number()
    {
        var result = Parse(Body("\"orig_syssn\": \"20250318155400020012340000\"").Replace("\"payment\"", "\"refund\"", StringComparison.Ordinal));

        Assert.That(result.Notification, Is.TypeOf<RefundNotification>());
        Assert.That(((RefundNotification)result.Notification!).OriginalSyssn, Is.EqualTo("20250318155400020012340000"));
    }

    [Test]
    public void Values_sent_as_json_numbers_are_read_like_strings()
    {
        var result = Parse("{\"notify_type\": \"payment\", \"out_trade_no\": \"A-1\", \"syssn\": 20250318155400020012345678, \"txamt\": 12800, \"txcurrcd\": \"hkd\", \"status\": 1}");

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(result.Notification!.AmountInMinorUnits, Is.EqualTo(12800));
            Assert.That(result.Notification.Syssn, Is.EqualTo("20250318155400020012345678"));
            Assert.That(result.Notification.Currency, Is.EqualTo("HKD"));
        });
    }

    [Test]
    public void Unknown_fields_of_any_shape_are_tolerated()
    {
        var result = Parse(Body("\"new_field\": {\"nested\": [1, 2, {\"x\": null}]}, \"flag\": true, \"nothing\": null"));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True, result.Reason);
            Assert.That(result.Notification!.Fields["flag"], Is.EqualTo("true"));
        });
    }

    [TestCase("notify_type")]
    [TestCase("out_trade_no")]
    [TestCase("syssn")]
    [TestCase("txamt")]
    [TestCase("txcurrcd")]
    public void A_missing_required_field_is_named_in_the_error(string field)
    {
        var result = Parse(Body(omit: field));

        Assert.Multiple(() =>
        {
            Assert.That(result.Refusal, Is.EqualTo(NotificationRefusal.MissingField));
            Assert.That(result.Reason, Does.Contain($"'{field}'"));
        });
    }

    [Test]
    public void A_blank_required_field_counts_as_missing()
    {
        Assert.That(Parse(Body().Replace("\"20250318155400020012345678\"", "\"  \"", StringComparison.Ordinal)).Refusal, Is.EqualTo(NotificationRefusal.MissingField));
    }

    [Test]
    public void Without_status_or_respcd_the_notification_does_not_say_it_succeeded()
    {
        var body = Body(omit: "status").Replace(", \"respcd\": \"0000\"", "", StringComparison.Ordinal);

        Assert.That(Parse(body).Refusal, Is.EqualTo(NotificationRefusal.MissingField));
    }

    [Test]
    public void Status_alone_is_enough()
    {
        Assert.That(Parse(Body(omit: "respcd")).IsSuccess, Is.True);
    }

    [Test]
    public void A_respcd_other_than_0000_is_not_a_success()
    {
        Assert.That(Parse(Body().Replace("\"0000\"", "\"1143\"", StringComparison.Ordinal)).Refusal, Is.EqualTo(NotificationRefusal.NotSuccessful));
    }

    [Test]
    public void A_payment_status_other_than_1_is_not_a_success()
    {
        Assert.That(Parse(Body().Replace("\"status\": \"1\"", "\"status\": \"0\"", StringComparison.Ordinal)).Refusal, Is.EqualTo(NotificationRefusal.NotSuccessful));
    }

    [Test]
    public void An_unknown_notify_type_is_refused()
    {
        Assert.That(Parse(Body().Replace("\"payment\"", "\"chargeback\"", StringComparison.Ordinal)).Refusal, Is.EqualTo(NotificationRefusal.UnknownNotifyType));
    }

    [TestCase("\"128.00\"")]
    [TestCase("\"-100\"")]
    [TestCase("\"+100\"")]
    [TestCase("\"1e5\"")]
    [TestCase("\"100000000000\"")]
    [TestCase("\"99999999999999999999999\"")]
    [TestCase("128.5")]
    [TestCase("-1")]
    [TestCase("1E3")]
    [TestCase("true")]
    public void A_txamt_that_is_not_a_plain_non_negative_integer_is_refused(string txamt)
    {
        var result = Parse(Body().Replace("\"12800\"", txamt, StringComparison.Ordinal));

        Assert.That(result.Refusal, Is.AnyOf(NotificationRefusal.InvalidField, NotificationRefusal.MissingField));
    }

    // Issue #14: a syssn is looked up and stored, so text a database refuses (NUL, control characters, over-long) is no syssn.
    [TestCase("\"2025\\u00000318\"")]
    [TestCase("\"2025\\u001f0318\"")]
    [TestCase("\"2025-0318\"")]
    public void A_syssn_that_is_not_letters_and_digits_is_refused_but_keeps_the_out_trade_no_for_a_query(string syssn)
    {
        var result = Parse(Body().Replace("\"20250318155400020012345678\"", syssn, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(result.Refusal, Is.EqualTo(NotificationRefusal.InvalidField));
            Assert.That(result.OutTradeNo, Is.Not.Null, "the shop can still ask QFPay about it");
        });
    }

    [Test]
    public void An_over_long_syssn_is_refused()
    {
        var result = Parse(Body().Replace("\"20250318155400020012345678\"", "\"" + new string('9', 65) + "\"", StringComparison.Ordinal));

        Assert.That(result.Refusal, Is.EqualTo(NotificationRefusal.InvalidField));
    }

    [Test]
    public void A_refunds_original_syssn_that_is_not_one_is_treated_as_absent()
    {
        var result = Parse(Body("\"orig_syssn\": \"2025\\u0000\"").Replace("\"payment\"", "\"refund\"", StringComparison.Ordinal));

        Assert.That(((RefundNotification)result.Notification!).OriginalSyssn, Is.Null);
    }

    [Test]
    public void Rejected_values_are_quoted_short_and_on_one_line()
    {
        var result = Parse(Body().Replace("\"payment\"", "\"evil\\r\\nFAKE LOG LINE " + new string('x', 100) + "\"", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(result.Refusal, Is.EqualTo(NotificationRefusal.UnknownNotifyType));
            Assert.That(result.Reason, Does.Not.Contain("\n").And.Not.Contain("\r"));
            Assert.That(result.Reason!.Length, Is.LessThan(150));
        });
    }

    [Test]
    public void The_largest_eleven_digit_amount_is_accepted()
    {
        Assert.That(Parse(Body().Replace("\"12800\"", "\"99999999999\"", StringComparison.Ordinal)).Notification?.AmountInMinorUnits, Is.EqualTo(99_999_999_999));
    }

    [TestCase("", NotificationRefusal.EmptyBody)]
    [TestCase("not json", NotificationRefusal.NotJson)]
    [TestCase("{\"notify_type\": ", NotificationRefusal.NotJson)]
    [TestCase("[1, 2]", NotificationRefusal.NotAnObject)]
    [TestCase("\"payment\"", NotificationRefusal.NotAnObject)]
    [TestCase("null", NotificationRefusal.NotAnObject)]
    public void Bad_bodies_give_a_reason_instead_of_throwing(string body, NotificationRefusal expected)
    {
        var result = Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(result.Refusal, Is.EqualTo(expected));
            Assert.That(result.Reason, Is.Not.Empty);
        });
    }

    [Test]
    public void Invalid_utf8_gives_a_reason_instead_of_throwing()
    {
        var body = Encoding.UTF8.GetBytes(Body()).ToList();
        body.InsertRange(body.IndexOf((byte)'1') , new byte[] { 0xC3, 0x28, 0xFF });

        var result = QfPayNotification.Parse(body.ToArray());

        Assert.That(result.Refusal, Is.EqualTo(NotificationRefusal.NotJson));
    }

    [Test]
    public void An_escaped_lone_surrogate_gives_a_reason_instead_of_throwing()
    {
        var result = Parse(Body().Replace("\"10025-1-ABC123\"", "\"\\ud800\"", StringComparison.Ordinal));

        Assert.That(result.IsSuccess, Is.False);
    }

    [Test]
    public void Deep_nesting_gives_a_reason_instead_of_throwing()
    {
        var deep = "{\"a\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        Assert.That(Parse(deep).Refusal, Is.EqualTo(NotificationRefusal.NotJson));
    }

    [Test]
    public void An_oversized_body_is_refused_before_parsing()
    {
        var huge = Body("\"padding\": \"" + new string('x', QfPayNotification.MaxBodyBytes) + "\"");

        Assert.That(Parse(huge).Refusal, Is.EqualTo(NotificationRefusal.TooLarge));
    }
}
