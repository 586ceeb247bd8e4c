using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #14: 10,000 forged posts through the real notification route of a node whose tables are on PostgreSQL (NUL,
/// control characters, lone surrogates, over-long fields, no or malformed signature, oversized bodies, GETs). They cost
/// no statement and no row anywhere, are never answered 5xx, and the health card still counts them by reason, with a
/// genuine problem after them (a notification signed with another store's key) shown under its own reason. Only when
/// the tally's minute has passed does the node write it: one row per reason, not per post.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ForgedFloodTests
{
    private const int Posts = 10_000;
    private const int Concurrency = 16;
    private const int OtherStore = 2;
    private const string OtherStoreKey = "4E6A8C0E2F4A6C8E0A2C4E6A8C0E2F4A";

    [Test]
    public async Task Ten_thousand_forged_posts_cost_no_statement_and_no_row_and_the_health_card_still_counts_them_and_a_genuine_refusal()
    {
        var engine = await TestEngines.RequireAsync(EngineKind.PostgreSql);
        await using var database = await EngineDatabase.CreateAsync(engine, "forgedflood");
        var clock = new ShiftedClock();
        await using var shop = await LiveShop.StartAsync(s => s.Database = database, clock: clock);
        shop.StoreSettings[OtherStore] = new QfPayAlipaySettings { AppCode = "B8E4D2FA6C35407B9D1E3F5A7B9C1D2E", ClientKey = OtherStoreKey, PayType = shop.Settings.PayType };
        Store StoreOf(int id) => new() { Id = id, Name = $"Store {id}", Url = shop.BaseUrl };
        shop.StoreService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => [StoreOf(Shop.StoreId), StoreOf(OtherStore)]);
        var target = SignedNotification.PaymentFor(await shop.SeedAttemptAsync(shop.AddOrder()));
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

        var random = new Random(ProofSeed.For(nameof(ForgedFloodTests), 14_10000));
        var posts = Enumerable.Range(0, Posts).Select(_ => Forgery(random, target)).ToList();
        var rowsBefore = await RowCountsAsync(shop);
        var mark = database.Statements.Mark();

        var answers = new string[posts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, posts.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, _) => answers[i] = await SendAsync(client, shop, posts[i]));
        var statementsDuringFlood = database.Statements.Since(mark).Count;
        var rowsAfterFlood = await RowCountsAsync(shop);

        // A genuine problem after the flood: QFPay's notification for this store's payment, signed with the other store's key.
        var genuine = await SendAsync(client, shop, new Post("POST", Encoding.UTF8.GetBytes(target.ToBody()), NotificationSignature.Compute(target.ToBody(), OtherStoreKey)));
        var report = await ReportAsync(shop);

        // A minute later the tally is due: the next notification writes it, one row per reason.
        clock.Advance(NotificationHealthTally.Window + TimeSpan.FromSeconds(1));
        await SendAsync(client, shop, posts[0]);
        var healthRows = (await shop.Tables.HealthEventsAsync()).Count;
        var reportFromRows = await ReportAsync(shop);

        var byAnswer = answers.GroupBy(static a => a).OrderBy(static g => g.Key).Select(static g => $"{g.Key}: {g.Count()}");
        var byReason = report.RejectionsLast24Hours.OrderBy(static r => r.Reason).Select(static r => $"{ReasonOf(r)} {r.Count}");
        ProofLog.WriteLine($"[Flood:{database.Label}] forged posts {Posts}, statements {statementsDuringFlood}, rows written {Sum(rowsAfterFlood) - Sum(rowsBefore)}, " +
            $"HTTP 5xx {answers.Count(static a => a.StartsWith('5'))}; answers {string.Join(", ", byAnswer)}; health card: {string.Join(", ", byReason)}; " +
            $"then the tally written as {healthRows} rows");

        Assert.Multiple(() =>
        {
            Assert.That(statementsDuringFlood, Is.Zero, "no statement");
            Assert.That(rowsAfterFlood, Is.EqualTo(rowsBefore), "no row written anywhere");
            Assert.That(answers.Where(static a => a.StartsWith('5')), Is.Empty, "never a 5xx");
            Assert.That(answers.Select(static a => a[..3]), Is.All.AnyOf("400", "401", "405", "413"));
            Assert.That(genuine, Is.EqualTo("401 BAD SIGNATURE"));
            Assert.That(report.RejectedLast24Hours, Is.EqualTo(Posts + 1), "every refusal is on the card");
            Assert.That(report.RejectionsLast24Hours.Single(static r => ReasonOf(r) == nameof(NotifyReason.WrongStoreKey)).Count, Is.EqualTo(1),
                "the genuine refusal after the flood shows under its own reason");
            Assert.That(healthRows, Is.EqualTo(report.RejectionsLast24Hours.Count + 0).Or.EqualTo(report.RejectionsLast24Hours.Count + 1),
                "one row per reason (and the post that wrote them, if its reason is new)");
            Assert.That(reportFromRows.RejectedLast24Hours, Is.EqualTo(Posts + 2), "the rows carry the counts");
        });
    }

    /// <summary>One forged post: every kind an attacker can send without the key.</summary>
    private static Post Forgery(Random random, NotificationContent target)
    {
        string RandomHex() => Convert.ToHexString(Guid.NewGuid().ToByteArray());
        Post Json(string body, string? signature = "") => new("POST", Encoding.UTF8.GetBytes(body), signature == "" ? RandomHex() : signature);
        var longText = new string('9', random.Next(200, 20_000));
        return random.Next(12) switch
        {
            0 => Json(target.ToBody()),
            1 => Json(target.ToBody().Replace(target.OutTradeNo!, "A\\u0000B", StringComparison.Ordinal)),
            2 => Json(target.ToBody().Replace(target.Syssn!, "\\u0001\\u001f" + target.Syssn, StringComparison.Ordinal)),
            3 => Json(target.ToBody().Replace(target.OutTradeNo!, "\\ud800" + target.OutTradeNo, StringComparison.Ordinal)),
            4 => Json(target.ToBody().Replace(target.OutTradeNo!, longText, StringComparison.Ordinal)),
            5 => Json((target with { Txamt = longText }).ToBody()),
            6 => Json(target.ToBody(), signature: null),
            7 => Json(target.ToBody(), signature: "not-a-signature\u0001"),
            8 => new Post("POST", [.. Enumerable.Range(0, random.Next(1, 512)).Select(_ => (byte)random.Next(256))], RandomHex()),
            9 => new Post("POST", Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 70_000) + "\"}"), RandomHex()),
            10 => new Post("POST", [], RandomHex()),
            _ => new Post("GET", [], null),
        };
    }

    /// <summary>The card shows a reason's latest detail, which begins with the reason's name.</summary>
    private static string ReasonOf(RejectionSummary rejection) => rejection.Reason.Split(':')[0];

    private static async Task<IntegrationHealthReport> ReportAsync(LiveShop shop)
    {
        await using var scope = shop.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IIntegrationHealthLog>().GetReportAsync(Shop.StoreId);
    }

    private static async Task<int[]> RowCountsAsync(Shop shop) =>
    [
        (await shop.Tables.AttemptsAsync()).Count, (await shop.Tables.ClaimsAsync()).Count, (await shop.Tables.RefundsAsync()).Count,
        (await shop.Tables.WorkClaimsAsync()).Count, (await shop.Tables.HealthEventsAsync()).Count,
    ];

    private static int Sum(int[] counts) => counts.Sum();

    private static async Task<string> SendAsync(HttpClient client, LiveShop shop, Post post)
    {
        using var request = new HttpRequestMessage(new HttpMethod(post.Method), shop.NotifyUrl);
        if (post.Method == "POST")
        {
            request.Content = new ByteArrayContent(post.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (post.Signature is not null)
            request.Headers.TryAddWithoutValidation("X-QF-SIGN", post.Signature);
        using var response = await client.SendAsync(request);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private sealed record Post(string Method, byte[] Body, string? Signature);
}
