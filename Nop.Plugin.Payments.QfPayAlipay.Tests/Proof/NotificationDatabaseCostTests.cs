using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;
using Nop.Services.Orders;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #14: in a store, a notification costs database statements, not microseconds. Each kind of post goes to the real
/// notification route (Kestrel on 127.0.0.1) of a web node whose plugin tables are on PostgreSQL, and every statement the
/// plugin's code sends through nopCommerce's data layer is counted (<see cref="StatementLog"/>), with what it caused
/// through nopCommerce's own services beside it (Log rows, order reads, notes and updates; MarkOrderAsPaidAsync's own
/// work is nopCommerce's and not counted). The node is warmed up first with one post of each refused kind, so the counts
/// are a flood's steady state: the hourly health-log prune and the first warning per reason are not in them.
/// </summary>
/// <remarks>
/// The counts are printed and their answers asserted here; the issue's targets (0 statements before the signature is
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

    private const int BurstCopies = 200;

    private static readonly TimeSpan MarkPaidDelay = TimeSpan.FromMilliseconds(150);

    private readonly Dictionary<string, Cost> _costs = [];
    private Burst _burst = null!;

    [OneTimeSetUp]
    public async Task MeasureOnPostgreSql()
    {
        var engine = await TestEngines.RequireAsync(EngineKind.PostgreSql);
        await MeasureEachKindAsync(engine);
        await MeasureBurstAsync(engine);
        Print();
    }

    [Test]
    public void Each_kind_of_post_gets_its_answer_and_what_it_cost_the_database_is_counted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_costs[Kinds.Forged].Answer, Is.EqualTo("401 BAD SIGNATURE"));
            Assert.That(_costs[Kinds.Malformed].Answer, Is.EqualTo("401 BAD SIGNATURE"), "refused before anything reads it");
            Assert.That(_costs[Kinds.MalformedSigned].Answer, Is.EqualTo("400 MALFORMED"), "signed, but naming nothing QFPay could be asked about");
            Assert.That(_costs[Kinds.UnknownUnsigned].Answer, Is.EqualTo("401 BAD SIGNATURE"));
            Assert.That(_costs[Kinds.Oversized].Answer, Is.EqualTo("413 PAYLOAD TOO LARGE"));
            Assert.That(_costs[Kinds.Unknown].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[Kinds.FirstDelivery].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[Kinds.Duplicate].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[Kinds.Repeated].Answer, Is.EqualTo("200 SUCCESS"));
            Assert.That(_costs[Kinds.FirstDelivery].MarkedPaid, Is.EqualTo(1), "the first delivery marks the order paid");
            Assert.That(_costs[Kinds.Duplicate].MarkedPaid, Is.Zero, "a duplicate never marks it again");
            Assert.That(_costs[Kinds.FirstDelivery].Statements, Is.Not.Empty, "settling writes to the plugin's tables, so the count sees statements");
            Assert.That(_costs[Kinds.FirstDelivery].Statements, Has.Some.EqualTo("claim INSERT"), "the claim is the exactly-once guarantee");
        });
    }

    [Test]
    public void Two_hundred_concurrent_copies_of_one_notification_mark_the_order_paid_once_and_every_copy_gets_a_defined_answer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_burst.MarkPaidCalls, Is.EqualTo(1));
            Assert.That(_burst.Answers.Keys, Is.All.AnyOf("200 SUCCESS", "503 RETRY"), "settled, duplicate, or another copy is settling");
            Assert.That(_burst.Answers.Values.Sum(), Is.EqualTo(BurstCopies));
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
            foreach (var kind in new[] { Kinds.Forged, Kinds.Malformed, Kinds.Oversized, Kinds.UnknownUnsigned, Kinds.NulCharacter, Kinds.MalformedSigned, Kinds.NulSigned })
                Assert.That(_costs[kind].Statements, Is.Empty, $"{kind}: 0 statements (nothing untrusted reaches SQL before the signature is verified)");
            // QFPay's signature makes the number trusted; only a lookup can tell it is nobody's, so this costs that one SELECT.
            Assert.That(_costs[Kinds.Unknown].Statements, Is.EqualTo(new[] { "attempt SELECT" }), "signed unknown out_trade_no: the one lookup");
            Assert.That(_costs[Kinds.NulSigned].Answer, Is.EqualTo("200 SUCCESS"), "a signed body whose out_trade_no is no number of ours is answered, not looked up");
            Assert.That(_costs[Kinds.Repeated].Statements, Is.Empty, "an identical delivery seconds later takes the node's remembered answer");
            Assert.That(_costs[Kinds.NulCharacter].Answer, Is.EqualTo("401 BAD SIGNATURE"), "an unsigned post with a NUL is refused, not a 503 loop");
            Assert.That(_costs[Kinds.Duplicate].Statements, Has.Count.LessThanOrEqualTo(2), "duplicate: at most 2 statements");
            Assert.That(_costs[Kinds.Duplicate].UniqueViolations, Is.Zero, "duplicate: no database error (look before you insert)");
            Assert.That(_costs[Kinds.FirstDelivery].Statements, Has.Count.LessThanOrEqualTo(6), "first delivery: at most 6 statements");
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

    private async Task MeasureEachKindAsync(TestEngine engine)
    {
        await using var database = await EngineDatabase.CreateAsync(engine, "dbcost");
        var clock = new ShiftedClock();
        await using var shop = await LiveShop.StartAsync(s => s.Database = database, clock: clock);
        using var client = NewClient();
        var key = shop.Settings.ClientKey!;

        var paidOrder = shop.AddOrder();
        var paid = SignedNotification.PaymentFor(await shop.SeedAttemptAsync(paidOrder));
        var pending = SignedNotification.PaymentFor(await shop.SeedAttemptAsync(shop.AddOrder()));
        var warmUpTarget = SignedNotification.PaymentFor(await shop.SeedAttemptAsync(shop.AddOrder()));
        var unknown = pending with { OutTradeNo = "99999-1-UNKNWN", Syssn = Shop.NewSyssn() };

        Post Forged(NotificationContent content) => new(Encoding.UTF8.GetBytes(content.ToBody()), RandomSignature());
        Post Signed(NotificationContent content) => new(Encoding.UTF8.GetBytes(content.ToBody()), NotificationSignature.Compute(content.ToBody(), key));
        var malformed = new Post("this is not a notification"u8.ToArray(), RandomSignature());
        var oversized = new Post(Encoding.UTF8.GetBytes("{\"out_trade_no\":\"" + pending.OutTradeNo + "\",\"x\":\"" + new string('a', 70_000) + "\"}"), RandomSignature());
        var nul = new Post(Encoding.UTF8.GetBytes("{\"out_trade_no\":\"A\\u0000B\"}"), RandomSignature());
        var malformedSigned = new Post("this is not a notification"u8.ToArray(), NotificationSignature.Compute("this is not a notification", key));
        var nulSigned = Signed(unknown with { OutTradeNo = "A\u0000B", Syssn = Shop.NewSyssn() });

        // Steady state: the node has pruned its health log and written its first warning of each refusal already.
        foreach (var warmUp in new[] { Forged(warmUpTarget), malformed, oversized, nul, Signed(unknown with { OutTradeNo = "99998-1-WARMUP" }), malformedSigned })
            await SendAsync(client, shop, warmUp);

        var node = shop.Services.GetRequiredService<NodeDataProvider>();
        _costs[Kinds.Forged] = await MeasureAsync(client, shop, Forged(pending));
        _costs[Kinds.Malformed] = await MeasureAsync(client, shop, malformed);
        _costs[Kinds.Oversized] = await MeasureAsync(client, shop, oversized);
        _costs[Kinds.MalformedSigned] = await MeasureAsync(client, shop, malformedSigned);
        _costs[Kinds.UnknownUnsigned] = await MeasureAsync(client, shop, Forged(unknown));
        _costs[Kinds.Unknown] = await MeasureAsync(client, shop, Signed(unknown));
        _costs[Kinds.NulCharacter] = await MeasureAsync(client, shop, nul);
        _costs[Kinds.NulSigned] = await MeasureAsync(client, shop, nulSigned);
        _costs[Kinds.FirstDelivery] = await MeasureAsync(client, shop, Signed(paid));
        _costs[Kinds.Repeated] = await MeasureAsync(client, shop, Signed(paid));
        // QFPay's own retry comes minutes later, when the node no longer remembers the answer.
        clock.Advance(NotificationCoalescer.RecentAnswerLifetime + TimeSpan.FromSeconds(1));
        _costs[Kinds.Duplicate] = await MeasureAsync(client, shop, Signed(paid));
        Assert.That(node.Database, Is.SameAs(database), "the route ran on the PostgreSQL node");
        Assert.That(paidOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    private async Task MeasureBurstAsync(TestEngine engine)
    {
        await using var database = await EngineDatabase.CreateAsync(engine, "dbcostburst");
        await using var shop = await LiveShop.StartAsync(s =>
        {
            s.Database = database;
            s.MarkPaidDelay = MarkPaidDelay;
        });
        using var client = NewClient();
        var order = shop.AddOrder();
        var content = SignedNotification.PaymentFor(await shop.SeedAttemptAsync(order));
        var post = new Post(Encoding.UTF8.GetBytes(content.ToBody()), NotificationSignature.Compute(content.ToBody(), shop.Settings.ClientKey!));
        var node = shop.Services.GetRequiredService<NodeDataProvider>();

        var mark = database.Statements.Mark();
        var violations = database.UniqueViolations;
        node.Connections.ResetPeak();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var copies = Enumerable.Range(0, BurstCopies).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await SendAsync(client, shop, post);
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(copies);
        var statements = database.Statements.Since(mark);

        _burst = new Burst(
            answers.GroupBy(static a => a).ToDictionary(static g => g.Key, static g => g.Count()),
            statements.Count,
            StatementLog.Summarise(statements.Order()),
            database.UniqueViolations - violations,
            node.Connections.Peak,
            await BackendsOfAsync(database, node.Name),
            shop.MarkPaidCalls);
    }

    private static async Task<Cost> MeasureAsync(HttpClient client, LiveShop shop, Post post)
    {
        var database = shop.Database!;
        var mark = database.Statements.Mark();
        var violations = database.UniqueViolations;
        var lines = shop.Log.Lines.Count;
        var orderCalls = OrderCalls(shop);
        var markPaid = shop.MarkPaidCalls;

        var answer = await SendAsync(client, shop, post);

        var logged = shop.Log.Lines.Skip(lines).ToList();
        var calls = OrderCalls(shop).Skip(orderCalls.Count).ToList();
        return new Cost(
            answer,
            database.Statements.Since(mark),
            database.UniqueViolations - violations,
            logged.Count(static l => l.Level != LogLevel.Debug),
            calls.Count(static c => c == nameof(IOrderService.GetOrderByIdAsync)),
            calls.Count(static c => c == nameof(IOrderService.InsertOrderNoteAsync)),
            calls.Count(static c => c == nameof(IOrderService.UpdateOrderAsync)),
            shop.MarkPaidCalls - markPaid);
    }

    private static List<string> OrderCalls(Shop shop) => shop.OrderService.Invocations.Select(static i => i.Method.Name).ToList();

    /// <summary>The server's own count: backends the node's pool holds open (idle ones stay after the burst).</summary>
    private static async Task<int> BackendsOfAsync(EngineDatabase database, string node)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";
        parameter.Value = $"qfpay-{node}";
        command.Parameters.Add(parameter);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private void Print()
    {
        ProofLog.WriteLine(
            $"[DbCost] forged {_costs[Kinds.Forged].Statements.Count}, malformed {_costs[Kinds.Malformed].Statements.Count}, " +
            $"duplicate {_costs[Kinds.Duplicate].Statements.Count}, first delivery {_costs[Kinds.FirstDelivery].Statements.Count}");
        foreach (var (kind, cost) in _costs)
        {
            ProofLog.WriteLine(
                $"[DbCost]   {kind} ({cost.Answer}): {cost.Statements.Count} statements: {StatementLog.Summarise(cost.Statements)}; " +
                $"unique violations {cost.UniqueViolations}; besides, through nopCommerce's services: Log rows {cost.LogRows}, order reads {cost.OrderReads}, " +
                $"order notes {cost.OrderNotes}, order updates {cost.OrderUpdates}, mark-as-paid calls {cost.MarkedPaid}");
        }

        ProofLog.WriteLine(
            $"[DbCost] burst: {BurstCopies} concurrent copies of one notification on one node: mark-as-paid calls {_burst.MarkPaidCalls}, " +
            $"{_burst.Statements} statements ({_burst.Breakdown}), unique violations {_burst.UniqueViolations}, " +
            $"connections open at once {_burst.PeakConnections} (PostgreSQL backends of the node's pool after the burst {_burst.Backends}); " +
            $"answers {string.Join(", ", _burst.Answers.OrderBy(static a => a.Key).Select(static a => $"{a.Key}: {a.Value}"))}");
    }

    private static HttpClient NewClient() =>
        new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private static string RandomSignature() => Convert.ToHexString(Guid.NewGuid().ToByteArray());

    private static async Task<string> SendAsync(HttpClient client, LiveShop shop, Post post)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, shop.NotifyUrl) { Content = new ByteArrayContent(post.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-QF-SIGN", post.Signature);
        using var response = await client.SendAsync(request);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private static class Kinds
    {
        public const string Forged = "forged signature";
        public const string Malformed = "malformed";
        public const string Oversized = "oversized";
        public const string MalformedSigned = "malformed, signed";
        public const string UnknownUnsigned = "unknown out_trade_no, unsigned";
        public const string Unknown = "unknown out_trade_no, signed";
        public const string NulCharacter = "NUL in the unverified out_trade_no";
        public const string NulSigned = "NUL in a signed out_trade_no";
        public const string FirstDelivery = "first delivery";
        public const string Repeated = "identical delivery seconds later";
        public const string Duplicate = "duplicate (QFPay's retry, minutes later)";
    }

    private sealed record Post(byte[] Body, string Signature);

    private sealed record Cost(string Answer, IReadOnlyList<string> Statements, int UniqueViolations, int LogRows, int OrderReads, int OrderNotes,
        int OrderUpdates, int MarkedPaid);

    private sealed record Burst(Dictionary<string, int> Answers, int Statements, string Breakdown, int UniqueViolations, int PeakConnections, int Backends,
        int MarkPaidCalls);
}
