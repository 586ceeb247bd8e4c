using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Reconciliation;

/// <summary>
/// 2,000 pending attempts: the task stays within QFPay's limits on the fake clock (docs/qfpay-protocol.md §1.5), works oldest first,
/// stops at its per-run budget, and two nodes running at once never query the same attempt twice.
/// </summary>
public class ReconciliationLoadTests
{
    private const int Pending = 2000;
    private const int Budget = 200;

    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    private JumpingClock _clock = null!;
    private FakeQueryResponder _qfpay = null!;
    private ReconciliationRig _rig = null!;
    private List<QfPayPaymentAttempt> _oldestFirst = null!;

    [SetUp]
    public void SeedPendingAttempts()
    {
        _clock = new JumpingClock(Start);
        _qfpay = new FakeQueryResponder(_clock);
        _rig = ReconciliationRig.WithHandler(_clock, () => _qfpay);
        _rig.Shop.Settings.CustomBaseUrl = "http://127.0.0.1:9/";
        _rig.Shop.Settings.PaymentExpiryMinutes = 120;

        // Created an hour to half an hour ago, in shuffled order so that "oldest first" is the task's doing.
        var random = new Random(6);
        foreach (var age in Enumerable.Range(0, Pending).OrderBy(_ => random.Next()))
        {
            var order = _rig.Shop.AddOrder();
            _rig.Shop.SeedAttempt(order, createdOnUtc: (Start - TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(age)).UtcDateTime);
        }

        _oldestFirst = _rig.Shop.Attempts.All.OrderBy(static a => a.CreatedOnUtc).ToList();
    }

    [TearDown]
    public async Task Stop() => await _rig.DisposeAsync();

    [Test]
    public async Task One_run_queries_the_oldest_attempts_first_and_stops_at_its_budget()
    {
        await _rig.NewNode().RunReconciliationAsync();

        var queried = _qfpay.Queries.Select(static q => q.Syssn).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(queried, Has.Count.EqualTo(Budget));
            Assert.That(queried, Is.EqualTo(_oldestFirst.Take(Budget).Select(static a => a.Syssn)), "oldest first, in order");
            Assert.That(_rig.HealthEvents.Single().Detail, Does.Contain("query budget used up"));
        });
    }

    [Test]
    public async Task Runs_one_after_another_never_exceed_400_queries_in_any_60_seconds_of_the_fake_clock()
    {
        var node = _rig.NewNode();
        for (var run = 1; run <= Pending / Budget; run++)
        {
            await node.RunReconciliationAsync();
            Assert.That(_qfpay.Queries, Has.Count.EqualTo(run * Budget), $"run {run} used its whole budget");
        }

        var times = _qfpay.Queries.Select(static q => q.At).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(RequestWindows.MostInAnyWindow(times, TimeSpan.FromSeconds(60)), Is.LessThanOrEqualTo(400));
            Assert.That(RequestWindows.MostInAnyWindow(times, TimeSpan.FromSeconds(1)), Is.LessThanOrEqualTo(100));
            Assert.That(_qfpay.Queries.Select(static q => q.Syssn), Is.EquivalentTo(_oldestFirst.Select(static a => a.Syssn)), "each attempt once");
            Assert.That(_qfpay.Queries.Select(static q => q.Syssn), Is.EqualTo(_oldestFirst.Select(static a => a.Syssn)), "and oldest first across runs");
            Assert.That(times[^1] - times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(4)), "2,000 queries at 400 a minute take at least four minutes");
        });
    }

    [Test]
    public async Task Two_nodes_running_at_once_query_each_attempt_at_most_once()
    {
        var first = _rig.NewNode();
        var second = _rig.NewNode();
        _qfpay.Latency = TimeSpan.FromMilliseconds(1);

        await Task.WhenAll(Task.Run(first.RunReconciliationAsync), Task.Run(second.RunReconciliationAsync));

        var queried = _qfpay.Queries.Select(static q => q.Syssn).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(queried, Is.Unique);
            Assert.That(queried, Has.Count.EqualTo(2 * Budget), "each node used its budget on different attempts");
            Assert.That(queried, Is.EquivalentTo(_oldestFirst.Take(2 * Budget).Select(static a => a.Syssn)), "together, the oldest ones");
        });
    }
}
