using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #14: what each kind of notification post costs the database on PostgreSQL, measured through the real route by
/// <see cref="NotificationCostMeter"/> and printed for CI's log.
/// </summary>
/// <remarks>
/// The counts are printed and their answers asserted here; the targets (0 statements before the signature is
/// verified, a duplicate at most 2 without a database error, a first delivery at most 6, a burst of 200 copies under 50
/// statements on at most 10 connections) are asserted by the tests in the "DbCostTargets" category. A signed notification
/// for a number that is nobody's costs the one SELECT that finds it unknown: QFPay's signature makes the number trusted,
/// and only the table can say it is not ours.
/// </remarks>
[TestFixture]
[NonParallelizable]
public class NotificationDatabaseCostTests
{
    public const string TargetsCategory = "DbCostTargets";

    private Dictionary<string, NotificationCostMeter.Cost> _costs = null!;

    private NotificationCostMeter.BurstCost _burst = null!;

    [OneTimeSetUp]
    public async Task MeasureOnPostgreSql()
    {
        var meter = await NotificationCostMeter.MeasureAsync(await TestEngines.RequireAsync(EngineKind.PostgreSql));
        (_costs, _burst) = (meter.Costs, meter.Burst);
        foreach (var line in meter.Lines())
            ProofLog.WriteLine(line);
    }

    [Test]
    public void Each_kind_of_post_gets_its_answer_and_what_it_cost_the_database_is_counted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_costs[NotificationCostMeter.Kinds.Forged].Answer, Is.EqualTo("401 BAD SIGNATURE"));
            Assert.That(_costs[NotificationCostMeter.Kinds.Malformed].Answer, Is.EqualTo("401 BAD SIGNATURE"), "refused before anything reads it");
            Assert.That(_costs[NotificationCostMeter.Kinds.MalformedSigned].Answer, Is.EqualTo("400 MALFORMED"), "signed, but naming nothing QFPay could be asked about");
            Assert.That(_costs[NotificationCostMeter.Kinds.UnknownUnsigned].Answer, Is.EqualTo("401 BAD SIGNATURE"));
            Assert.That(_costs[NotificationCostMeter.Kinds.Oversized].Answer, Is.EqualTo("413 PAYLOAD TOO LARGE"));
            Assert.That(_costs[NotificationCostMeter.Kinds.Unknown].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[NotificationCostMeter.Kinds.FirstDelivery].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[NotificationCostMeter.Kinds.Duplicate].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[NotificationCostMeter.Kinds.Repeated].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[NotificationCostMeter.Kinds.FirstDelivery].MarkedPaid, Is.EqualTo(1), "the first delivery marks the order paid");
            Assert.That(_costs[NotificationCostMeter.Kinds.Duplicate].MarkedPaid, Is.Zero, "a duplicate never marks it again");
            Assert.That(_costs[NotificationCostMeter.Kinds.FirstDelivery].Statements, Is.Not.Empty, "settling writes to the plugin's tables, so the count sees statements");
            Assert.That(_costs[NotificationCostMeter.Kinds.FirstDelivery].Statements, Has.Some.EqualTo("claim INSERT"), "the claim is the exactly-once guarantee");
        });
    }

    [Test]
    public void Two_hundred_concurrent_copies_of_one_notification_mark_the_order_paid_once_and_every_copy_gets_a_defined_answer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_burst.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(_burst.Answers.Keys, Is.All.AnyOf("200 SUCCESS", "503 RETRY"), "settled, duplicate, or another copy is settling");
            Assert.That(_burst.Answers.Values.Sum(), Is.EqualTo(NotificationCostMeter.BurstCopies));
            Assert.That(_burst.Statements, Is.GreaterThan(0));
            Assert.That(_burst.PeakConnections, Is.GreaterThan(0));
        });
    }

    [Test]
    [Category(TargetsCategory)]
    public void Targets_nothing_untrusted_reaches_sql_a_duplicate_costs_at_most_two_statements_and_a_first_delivery_at_most_six()
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in new[] { NotificationCostMeter.Kinds.Forged, NotificationCostMeter.Kinds.Malformed, NotificationCostMeter.Kinds.Oversized, NotificationCostMeter.Kinds.UnknownUnsigned, NotificationCostMeter.Kinds.NulCharacter, NotificationCostMeter.Kinds.MalformedSigned, NotificationCostMeter.Kinds.NulSigned })
                Assert.That(_costs[kind].Statements, Is.Empty, $"{kind}: 0 statements (nothing untrusted reaches SQL before the signature is verified)");
            // QFPay's signature makes the number trusted; only a lookup can tell it is nobody's, so this costs that one SELECT.
            Assert.That(_costs[NotificationCostMeter.Kinds.Unknown].Statements, Is.EqualTo(new[] { "attempt SELECT" }), "signed unknown out_trade_no: the one lookup");
            Assert.That(_costs[NotificationCostMeter.Kinds.NulSigned].Answer, Is.EqualTo("200 SUCCESS"), "a signed body whose out_trade_no is no number of ours is answered, not looked up");
            Assert.That(_costs[NotificationCostMeter.Kinds.NulPayType].Answer, Is.EqualTo("200 SUCCESS"),
                "a signed payment whose pay_type carries a NUL is noted as a mismatch, not retried for a day because PostgreSQL refused the note");
            Assert.That(_costs[NotificationCostMeter.Kinds.NulPayType].MarkedPaid, Is.Zero);
            Assert.That(_costs[NotificationCostMeter.Kinds.Repeated].Statements, Is.Empty, "an identical delivery seconds later takes the node's remembered answer");
            Assert.That(_costs[NotificationCostMeter.Kinds.NulCharacter].Answer, Is.EqualTo("401 BAD SIGNATURE"), "an unsigned post with a NUL is refused, not a 503 loop");
            Assert.That(_costs[NotificationCostMeter.Kinds.Duplicate].Statements, Has.Count.LessThanOrEqualTo(2), "duplicate: at most 2 statements");
            Assert.That(_costs[NotificationCostMeter.Kinds.Duplicate].UniqueViolations, Is.Zero, "duplicate: no database error (look before you insert)");
            Assert.That(_costs[NotificationCostMeter.Kinds.FirstDelivery].Statements, Has.Count.LessThanOrEqualTo(6), "first delivery: at most 6 statements");
        });
    }

    [Test]
    [Category(TargetsCategory)]
    public void Targets_a_burst_of_two_hundred_copies_costs_under_fifty_statements_on_at_most_ten_connections()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_burst.Statements, Is.LessThan(50), "statements for 200 concurrent copies");
            Assert.That(_burst.PeakConnections, Is.LessThanOrEqualTo(10), "connections open at once");
        });
    }
}
