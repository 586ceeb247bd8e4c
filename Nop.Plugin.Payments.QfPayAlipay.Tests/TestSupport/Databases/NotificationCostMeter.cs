using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Services.Orders;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// Issue #14: what a notification costs the database. Each kind of post goes to the real notification route (Kestrel on
/// 127.0.0.1) of a web node whose plugin tables are on a test database, and every statement the plugin's code sends
/// through nopCommerce's data layer is counted (<see cref="StatementLog"/>), with what it caused through nopCommerce's own
/// services beside it (Log rows, order reads, notes and updates, the customer it ran as; MarkOrderAsPaidAsync's own work
/// is nopCommerce's and not counted). The node is warmed up first with one post of each refused kind, so the counts are a
/// flood's steady state: the hourly health-log prune and the first warning per reason are not in them. Then 200
/// concurrent copies of one notification. Used by NotificationDatabaseCostTests (PostgreSQL) and the benchmark.
/// </summary>
public sealed class NotificationCostMeter
{
    public const int BurstCopies = 200;

    private static readonly TimeSpan MarkPaidDelay = TimeSpan.FromMilliseconds(150);

    private NotificationCostMeter()
    {
    }

    /// <summary>"PostgreSQL 15.18".</summary>
    public string Engine { get; private set; } = string.Empty;

    public Dictionary<string, Cost> Costs { get; } = [];

    public BurstCost Burst { get; private set; } = null!;

    public static async Task<NotificationCostMeter> MeasureAsync(TestEngine engine)
    {
        var meter = new NotificationCostMeter { Engine = engine.Label };
        await meter.MeasureEachKindAsync(engine);
        await meter.MeasureBurstAsync(engine);
        return meter;
    }

    /// <summary>The lines CI's log shows, the first in the form the issue names: "[DbCost] forged F, malformed M, duplicate D, first delivery N".</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"[DbCost] forged {Costs[Kinds.Forged].Statements.Count}, malformed {Costs[Kinds.Malformed].Statements.Count}, " +
            $"duplicate {Costs[Kinds.Duplicate].Statements.Count}, first delivery {Costs[Kinds.FirstDelivery].Statements.Count}";
        foreach (var (kind, cost) in Costs)
        {
            yield return $"[DbCost]   {kind} ({cost.Answer}): {cost.Statements.Count} statements: {StatementLog.Summarise(cost.Statements)}; " +
                $"unique violations {cost.UniqueViolations}; besides, through nopCommerce's services: Log rows {cost.LogRows}, order reads {cost.OrderReads}, " +
                $"order notes {cost.OrderNotes}, order updates {cost.OrderUpdates}, mark-as-paid calls {cost.MarkedPaid}" +
                (cost.RunsAs.Count == 0 ? string.Empty : $"; runs as nopCommerce's {string.Join(", ", cost.RunsAs)} customer, so no guest customer is created");
        }

        yield return $"[DbCost] burst: {BurstCopies} concurrent copies of one notification on one node: mark-as-paid calls {Burst.MarkPaidCalls}, " +
            $"{Burst.Statements} statements ({Burst.Breakdown}), unique violations {Burst.UniqueViolations}, " +
            $"connections open at once {Burst.PeakConnections} (backends of the node's pool after the burst {Burst.Backends?.ToString(CultureInfo.InvariantCulture) ?? "not counted on this engine"}); " +
            $"answers {string.Join(", ", Burst.Answers.OrderBy(static a => a.Key).Select(static a => $"{a.Key}: {a.Value}"))}";
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
        var nulPayType = Signed(SignedNotification.PaymentFor(await shop.SeedAttemptAsync(shop.AddOrder())) with { PayType = "80\u00001512" });

        // Steady state: the node has pruned its health log and written its first warning of each refusal already.
        foreach (var warmUp in new[] { Forged(warmUpTarget), malformed, oversized, nul, Signed(unknown with { OutTradeNo = "99998-1-WARMUP" }), malformedSigned })
            await SendAsync(client, shop, warmUp);

        var node = shop.Services.GetRequiredService<NodeDataProvider>();
        Costs[Kinds.Forged] = await MeasureAsync(client, shop, Forged(pending));
        Costs[Kinds.Malformed] = await MeasureAsync(client, shop, malformed);
        Costs[Kinds.Oversized] = await MeasureAsync(client, shop, oversized);
        Costs[Kinds.MalformedSigned] = await MeasureAsync(client, shop, malformedSigned);
        Costs[Kinds.UnknownUnsigned] = await MeasureAsync(client, shop, Forged(unknown));
        Costs[Kinds.Unknown] = await MeasureAsync(client, shop, Signed(unknown));
        Costs[Kinds.NulCharacter] = await MeasureAsync(client, shop, nul);
        Costs[Kinds.NulSigned] = await MeasureAsync(client, shop, nulSigned);
        Costs[Kinds.NulPayType] = await MeasureAsync(client, shop, nulPayType);
        Costs[Kinds.FirstDelivery] = await MeasureAsync(client, shop, Signed(paid));
        Costs[Kinds.Repeated] = await MeasureAsync(client, shop, Signed(paid));
        // QFPay's own retry comes minutes later, when the node no longer remembers the answer.
        clock.Advance(NotificationCoalescer.RecentAnswerLifetime + TimeSpan.FromSeconds(1));
        Costs[Kinds.Duplicate] = await MeasureAsync(client, shop, Signed(paid));
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

        Burst = new BurstCost(
            answers.GroupBy(static a => a).ToDictionary(static g => g.Key, static g => g.Count()),
            statements.Count,
            StatementLog.Summarise(statements.Order()),
            database.UniqueViolations - violations,
            node.Connections.Peak,
            engine.Kind == EngineKind.PostgreSql ? await BackendsOfAsync(database, node.Name) : null,
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
        var nopCalls = shop.NopCalls.Count;

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
            shop.MarkPaidCalls - markPaid,
            shop.NopCalls.Skip(nopCalls).Where(static c => c.StartsWith(CurrentCustomer, StringComparison.Ordinal))
                .Select(static c => c[CurrentCustomer.Length..]).Distinct().ToList());
    }

    private const string CurrentCustomer = "current customer: ";

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

    public static class Kinds
    {
        public const string Forged = "forged signature";
        public const string Malformed = "malformed";
        public const string Oversized = "oversized";
        public const string MalformedSigned = "malformed, signed";
        public const string UnknownUnsigned = "unknown out_trade_no, unsigned";
        public const string Unknown = "unknown out_trade_no, signed";
        public const string NulCharacter = "NUL in the unverified out_trade_no";
        public const string NulSigned = "NUL in a signed out_trade_no";
        public const string NulPayType = "NUL in a signed pay_type (a mismatch to note)";
        public const string FirstDelivery = "first delivery";
        public const string Repeated = "identical delivery seconds later";
        public const string Duplicate = "duplicate (QFPay's retry, minutes later)";
    }

    private sealed record Post(byte[] Body, string Signature);

    public sealed record Cost(string Answer, IReadOnlyList<string> Statements, int UniqueViolations, int LogRows, int OrderReads, int OrderNotes,
        int OrderUpdates, int MarkedPaid, IReadOnlyList<string> RunsAs);

    public sealed record BurstCost(Dictionary<string, int> Answers, int Statements, string Breakdown, int UniqueViolations, int PeakConnections, int? Backends,
        int MarkPaidCalls);
}
