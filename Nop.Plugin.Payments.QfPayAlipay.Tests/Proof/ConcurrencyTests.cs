using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #8, suite 2, and issue #14: one payment reported at once by 100 notification deliveries, the shopper's return
/// page and a reconciliation run, on two web nodes. Exactly one of them may mark the order paid; the others must see it
/// done. Over the in-memory tables (unique like the database), then over a fresh database on each engine stores run
/// (SQLite, PostgreSQL, MariaDB), where each node has its own connection pool and the engine's unique indexes are the only
/// thing the two nodes share.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ConcurrencyTests
{
    private const int Deliveries = 100;

    // nopCommerce's MarkOrderAsPaidAsync saves, notes and sends e-mails; the delay keeps the race window wide open.
    private static readonly TimeSpan MarkPaidDelay = TimeSpan.FromMilliseconds(150);

    private static readonly Dictionary<ProofTables, int> FixedSeeds = new()
    {
        [ProofTables.InMemory] = 8100,
        [ProofTables.SQLite] = 8200,
        [ProofTables.PostgreSQL] = 8300,
        [ProofTables.MariaDB] = 8400,
    };

    [TestCaseSource(typeof(ProofDatabases), nameof(ProofDatabases.All))]
    public async Task A_hundred_deliveries_the_return_page_and_a_reconciliation_run_on_two_nodes_mark_the_order_paid_once(ProofTables tables)
    {
        await using var database = await ProofDatabases.CreateAsync(tables, "concurrency");
        var random = new Random(ProofSeed.For($"{nameof(ConcurrencyTests)}.{tables}", FixedSeeds[tables]));
        var clock = new ShiftedClock();
        await using var rig = await ReconciliationRig.WithSimulatorAsync(clock, database: database);
        rig.Shop.MarkPaidDelay = MarkPaidDelay;
        // A node answers identical concurrent deliveries once (NotificationCoalescer); here every delivery runs all the
        // way to the order's claim, as if each came to a node of its own, so the database alone decides.
        rig.Shop.LastRegistrations = static services => services.Replace(ServiceDescriptor.Singleton<NotificationCoalescer, EveryDeliveryRuns>());
        ReconciliationRig.Node[] nodes = [rig.NewNode(), rig.NewNode()];

        // Checkout: the payment is created at QFPay and both nodes try to record the same attempt.
        var order = rig.Shop.AddOrder();
        var outTradeNo = OutTradeNumber.ForPayment(order.CustomOrderNumber, 1);
        var payment = (await nodes[0].InScopeAsync(s => s.GetRequiredService<QfPayClient>()
            .CreatePaymentAsync(rig.Account, SimulatorScenario.Payment(outTradeNo, 12800)))).EnsureSuccess();
        var now = clock.GetUtcNow().UtcDateTime;
        var inserts = await Task.WhenAll(nodes.Select(node => node.InScopeAsync(s => s.GetRequiredService<IPaymentAttemptStore>().InsertAsync(new QfPayPaymentAttempt
        {
            OrderId = order.Id,
            StoreId = order.StoreId,
            OutTradeNo = outTradeNo,
            AttemptNumber = 1,
            AmountMinor = 12800,
            CurrencyCode = "HKD",
            PayType = (int)rig.Shop.Settings.PayType,
            Status = PaymentAttemptStatus.AwaitingPayment,
            Syssn = payment.Syssn,
            PayUrl = payment.PayUrl,
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
        }))));
        var attempt = (await nodes[0].InScopeAsync(s => s.GetRequiredService<IPaymentAttemptStore>().FindByOutTradeNoAsync(outTradeNo)))!;
        (await rig.Simulator!.PayAsync(payment.Syssn!)).Dispose();
        clock.Advance(TimeSpan.FromMinutes(6)); // old enough for the reconciliation task to ask QFPay about it
        database?.Connections.ResetPeak();

        var notification = SignedNotification.Post(SignedNotification.PaymentFor(attempt), rig.Shop.Settings.ClientKey!);
        var race = new Race(random);
        for (var i = 0; i < Deliveries; i++)
        {
            var node = nodes[i % 2];
            race.Add("notification", () => node.InScopeAsync(s => s.GetRequiredService<NotificationHandler>().HandleAsync(notification)));
        }

        race.Add("return page", () => nodes[0].InScopeAsync(async s => (object)await s.GetRequiredService<ReturnPageDecider>().ForReturnAsync(outTradeNo)));
        race.Add("reconciliation", async () =>
        {
            await nodes[1].RunReconciliationAsync();
            return "ran";
        });
        var results = await race.RunAsync();

        var answers = results.OfType<NotifyAnswer>().ToList();
        var claims = await rig.Shop.Tables.ClaimsAsync();
        var attempts = await rig.Shop.Tables.AttemptsAsync();
        new ProofCounts(nameof(ConcurrencyTests), answers.Count, answers.Count(static a => a.StatusCode == 500), order.PaymentStatus == PaymentStatus.Paid ? 1 : 0,
            rig.Shop.MarkPaidCalls,
            $"answers {Describe(answers)}; claim rows {claims.Count}, attempt rows {attempts.Count}" +
            (database is null ? $", duplicate claim inserts {rig.Shop.Tables.UniqueViolations}"
                : $", two nodes with a pool each, connections open at once {database.Connections.Peak}, statements {database.Statements.Count}"))
        {
            Engine = database?.Label,
            UniqueViolations = rig.Shop.Tables.UniqueViolations,
        }.Print();

        Assert.Multiple(() =>
        {
            Assert.That(inserts.Order(), Is.EqualTo(new[] { UniqueInsert.Inserted, UniqueInsert.Duplicate }), "one attempt per out_trade_no, by the index");
            Assert.That(rig.Shop.MarkPaidCalls, Is.EqualTo(1), "exactly one mark-as-paid");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(order.CaptureTransactionId, Is.EqualTo(attempt.Syssn));
            Assert.That(rig.Shop.NotesOf(order).Count(static n => n.Contains("marked paid", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(answers, Has.Count.EqualTo(Deliveries));
            Assert.That(answers.Select(static a => a.Reason), Is.All.AnyOf(NotifyReason.Settled, NotifyReason.Duplicate, NotifyReason.SettlementBusy),
                "every other delivery gets a defined answer");
            Assert.That(answers.Count(static a => a.Reason == NotifyReason.Settled), Is.LessThanOrEqualTo(1));
            Assert.That(claims.Select(static c => (c.ClaimKey, c.CompletedOnUtc is not null)),
                Is.EqualTo(new[] { (SettlementClaimKeys.Order(order.Id), true) }), "one claim, completed");
            Assert.That(attempts.Single().Status, Is.EqualTo(PaymentAttemptStatus.Paid));
            if (database is not null)
                Assert.That(database.UniqueViolations, Is.GreaterThan(1), "the database's unique indexes refused the losing inserts (attempt and claims)");
        });
    }

    /// <summary>No coalescing: each delivery is handled by itself.</summary>
    private sealed class EveryDeliveryRuns(TimeProvider clock) : NotificationCoalescer(clock)
    {
        public override async Task<(HandledNotification Handled, bool Shared)> RunAsync(IncomingNotification notification,
            Func<Task<HandledNotification>> handle, CancellationToken cancellationToken = default) => (await handle(), false);
    }

    private static string Describe(IEnumerable<NotifyAnswer> answers) =>
        string.Join(", ", answers.GroupBy(static a => a.Reason).OrderBy(static g => g.Key).Select(static g => $"{g.Key} {g.Count()}"));

    /// <summary>Starts every contender at the same moment, in a seeded order, and collects what each returned.</summary>
    private sealed class Race(Random random)
    {
        private readonly List<(string Name, Func<Task<object>> Run)> _contenders = [];

        public void Add<T>(string name, Func<Task<T>> run) where T : notnull => _contenders.Add((name, async () => await run()));

        public async Task<object[]> RunAsync()
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var shuffled = _contenders.OrderBy(_ => random.Next()).ToList();
            var tasks = shuffled.Select(c => Task.Run(async () =>
            {
                await start.Task;
                return await c.Run();
            })).ToList();
            start.SetResult();
            return await Task.WhenAll(tasks);
        }
    }
}
