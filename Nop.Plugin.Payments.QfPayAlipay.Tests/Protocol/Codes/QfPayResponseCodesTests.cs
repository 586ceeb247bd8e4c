using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Codes;

public class QfPayResponseCodesTests
{
    /// <summary>Every code of docs/qfpay-protocol.md §5.2's table.</summary>
    private static readonly string[] DocumentedCodes =
    [
        "0000", "1143", "1145", "1298", "1295", "1296", "1100", "1252", "1254", "1101", "1136", "1250", "1294",
        "1102", "2011", "1103", "1104", "1108", "1105", "1106", "1107", "1241", "1242", "1243", "1251",
        "1142", "1264", "1181", "1260", "1261", "1262", "1125", "1263", "1266", "1267", "1268",
        "1201", "1203", "1204", "1205", "1297", "1147", "1202", "1212", "2005",
        "1150", "1155", "1265", "1269", "1270", "1271", "1272", "1124", "2999",
    ];

    [Test]
    public void Every_code_of_the_documented_table_is_in_the_table()
    {
        Assert.That(QfPayResponseCodes.Codes, Is.EquivalentTo(DocumentedCodes));
    }

    [Test]
    public void Every_row_has_a_message_key_under_the_plugins_prefix_and_a_description()
    {
        Assert.Multiple(() =>
        {
            foreach (var row in QfPayResponseCodes.All)
            {
                Assert.That(row.MessageKey, Does.StartWith("Plugins.Payments.QfPayAlipay.Codes." + row.Code), row.Code);
                Assert.That(row.Description, Is.Not.Empty, row.Code);
            }
        });
    }

    [Test]
    public void Every_key_the_table_hands_out_is_one_that_interpretation_can_produce()
    {
        var produced = QfPayResponseCodes.Codes
            .SelectMany(code => new[] { QfPayResponseCodes.Interpret(code, QfPayOperation.CreateRefund), QfPayResponseCodes.Interpret(code, QfPayOperation.Query) })
            .Append(QfPayResponseCodes.Interpret("1251", QfPayOperation.CreateRefund, "out_trade_no is used"))
            .Append(QfPayResponseCodes.Interpret("1265", QfPayOperation.CreateRefund, "refund period is over"))
            .Select(info => info.MessageKey)
            .ToHashSet();

        Assert.That(QfPayResponseCodes.All.Select(r => r.MessageKey), Is.SubsetOf(produced));
    }

    [Test]
    public void Message_keys_are_unique()
    {
        Assert.That(QfPayResponseCodes.All.Select(r => r.MessageKey), Is.Unique);
    }

    [TestCase("0000", QfPayOutcome.Success)]
    [TestCase("1143", QfPayOutcome.InProgress)]
    [TestCase("1145", QfPayOutcome.InProgress)]
    [TestCase("1298", QfPayOutcome.InProgress)]
    [TestCase("1252", QfPayOutcome.InProgress)]
    [TestCase("1102", QfPayOutcome.InProgress)]
    [TestCase("2011", QfPayOutcome.InProgress)]
    [TestCase("1100", QfPayOutcome.Retryable)]
    [TestCase("1269", QfPayOutcome.Retryable)]
    [TestCase("1297", QfPayOutcome.Retryable)]
    [TestCase("1108", QfPayOutcome.Failed)]
    [TestCase("1181", QfPayOutcome.Failed)]
    [TestCase("1272", QfPayOutcome.Failed)]
    [TestCase("1294", QfPayOutcome.Failed)]
    public void Documented_codes_map_to_their_outcome_for_every_operation(string code, QfPayOutcome expected)
    {
        Assert.Multiple(() =>
        {
            foreach (var operation in Enum.GetValues<QfPayOperation>())
                Assert.That(QfPayResponseCodes.Interpret(code, operation).Outcome, Is.EqualTo(expected), operation.ToString());
        });
    }

    [TestCase(QfPayOperation.CreatePayment, QfPayOutcome.Unknown)]
    [TestCase(QfPayOperation.CreateRefund, QfPayOutcome.Unknown)]
    [TestCase(QfPayOperation.Query, QfPayOutcome.Failed)]
    public void An_unknown_code_is_unknown_on_creation_and_failed_elsewhere_keeping_the_raw_code(QfPayOperation operation, QfPayOutcome expected)
    {
        var info = QfPayResponseCodes.Interpret("7777", operation);

        Assert.Multiple(() =>
        {
            Assert.That(info.Outcome, Is.EqualTo(expected));
            Assert.That(info.Code, Is.EqualTo("7777"));
            Assert.That(info.IsDocumented, Is.False);
            Assert.That(info.MessageKey, Is.EqualTo(QfPayResponseCodes.UnknownCodeMessageKey));
        });
    }

    [TestCase(QfPayOperation.CreatePayment, QfPayOutcome.Unknown)]
    [TestCase(QfPayOperation.CreateRefund, QfPayOutcome.Unknown)]
    [TestCase(QfPayOperation.Query, QfPayOutcome.Failed)]
    public void Code_2999_whose_meaning_is_undocumented_is_treated_like_an_unknown_code(QfPayOperation operation, QfPayOutcome expected)
    {
        var info = QfPayResponseCodes.Interpret("2999", operation);

        Assert.Multiple(() =>
        {
            Assert.That(info.Outcome, Is.EqualTo(expected));
            Assert.That(info.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.2999"));
        });
    }

    [Test]
    public void Code_1251_about_out_trade_no_is_a_duplicate_to_query()
    {
        var info = QfPayResponseCodes.Interpret("1251", QfPayOperation.CreateRefund, "out_trade_no is used", "Do not use duplicate out_trade_no for request(1251)");

        Assert.Multiple(() =>
        {
            Assert.That(info.Outcome, Is.EqualTo(QfPayOutcome.InProgress));
            Assert.That(info.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.1251.DuplicateOutTradeNo"));
        });
    }

    [Test]
    public void Code_1251_without_that_mention_is_a_store_configuration_failure()
    {
        Assert.That(QfPayResponseCodes.Interpret("1251", QfPayOperation.CreatePayment, "store config error").Outcome, Is.EqualTo(QfPayOutcome.Failed));
    }

    [TestCase("Refund not allowed between 23:30 and 00:30")]
    [TestCase("")]
    [TestCase(null)]
    public void Code_1265_about_the_nightly_window_is_retryable(string? message)
    {
        var info = QfPayResponseCodes.Interpret("1265", QfPayOperation.CreateRefund, message);

        Assert.Multiple(() =>
        {
            Assert.That(info.Outcome, Is.EqualTo(QfPayOutcome.Retryable));
            Assert.That(info.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.1265.TimeWindow"));
        });
    }

    [TestCase("This transaction has exceeded the refundable time limit")]
    [TestCase("已超過可退款期限")]
    public void Code_1265_about_the_refund_period_is_final(string message)
    {
        var info = QfPayResponseCodes.Interpret("1265", QfPayOperation.CreateRefund, message);

        Assert.Multiple(() =>
        {
            Assert.That(info.Outcome, Is.EqualTo(QfPayOutcome.Failed));
            Assert.That(info.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Codes.1265.RefundPeriod"));
        });
    }

    [TestCase("0", "0000")]
    [TestCase(" 1143 ", "1143")]
    [TestCase("1143", "1143")]
    public void Codes_are_normalised_when_they_arrive_as_numbers_or_padded(string raw, string expected)
    {
        Assert.That(QfPayResponseCodes.Normalize(raw), Is.EqualTo(expected));
    }

    [Test]
    public void Outcomes_that_need_a_query_are_in_progress_and_unknown()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QfPayResponseCodes.Interpret("1143", QfPayOperation.Query).RequiresQuery, Is.True);
            Assert.That(QfPayResponseCodes.Interpret("9999", QfPayOperation.CreatePayment).RequiresQuery, Is.True);
            Assert.That(QfPayResponseCodes.Interpret("1108", QfPayOperation.CreatePayment).RequiresQuery, Is.False);
        });
    }
}
