using System.Text;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Notifications;

/// <summary>Issue #14: identical deliveries on one node are handled once; what is remembered, and for how long.</summary>
[TestFixture]
public class NotificationCoalescerTests
{
    private FakeTimeProvider _clock = null!;
    private NotificationCoalescer _coalescer = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 18, 6, 0, 0, TimeSpan.Zero));
        _coalescer = new NotificationCoalescer(_clock);
    }

    private static IncomingNotification Delivery(string body, string signature = "0123456789ABCDEF0123456789ABCDEF") =>
        new("POST", Encoding.UTF8.GetBytes(body), signature);

    [Test]
    public async Task Concurrent_identical_deliveries_are_handled_once_and_all_get_its_answer()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        async Task<HandledNotification> Handle()
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return new HandledNotification(NotifyReason.Settled, 1, "paid");
        }

        var deliveries = Enumerable.Range(0, 50).Select(_ => Task.Run(() => _coalescer.RunAsync(Delivery("{\"a\":1}"), Handle))).ToList();
        await Task.Delay(100);
        release.SetResult();
        var results = await Task.WhenAll(deliveries);

        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.EqualTo(1));
            Assert.That(results.Count(static r => !r.Shared), Is.EqualTo(1), "one ran");
            Assert.That(results.Select(static r => r.Handled.Reason), Is.All.EqualTo(NotifyReason.Settled));
        });
    }

    [Test]
    public async Task Deliveries_that_differ_in_body_or_signature_are_handled_each()
    {
        var runs = 0;
        Task<HandledNotification> Handle()
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(new HandledNotification(NotifyReason.Settled, 1, null));
        }

        await _coalescer.RunAsync(Delivery("{\"a\":1}"), Handle);
        await _coalescer.RunAsync(Delivery("{\"a\":2}"), Handle);
        await _coalescer.RunAsync(Delivery("{\"a\":1}", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), Handle);

        Assert.That(runs, Is.EqualTo(3));
    }

    [Test]
    public async Task A_final_answer_is_remembered_for_its_lifetime_and_then_the_delivery_is_handled_again()
    {
        var runs = 0;
        Task<HandledNotification> Handle()
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(new HandledNotification(NotifyReason.Duplicate, 1, null));
        }

        await _coalescer.RunAsync(Delivery("{}"), Handle);
        _clock.Advance(NotificationCoalescer.RecentAnswerLifetime - TimeSpan.FromSeconds(1));
        var remembered = await _coalescer.RunAsync(Delivery("{}"), Handle);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var again = await _coalescer.RunAsync(Delivery("{}"), Handle);

        Assert.Multiple(() =>
        {
            Assert.That(remembered.Shared, Is.True);
            Assert.That(again.Shared, Is.False);
            Assert.That(runs, Is.EqualTo(2));
        });
    }

    [TestCase(NotifyReason.SettlementBusy)]
    [TestCase(NotifyReason.TransientFailure)]
    [TestCase(NotifyReason.QueryPending)]
    [TestCase(NotifyReason.BadSignature)]
    public async Task An_answer_that_asks_for_a_retry_or_refuses_is_never_remembered(NotifyReason reason)
    {
        var runs = 0;
        Task<HandledNotification> Handle()
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(new HandledNotification(reason, 0, null));
        }

        await _coalescer.RunAsync(Delivery("{}"), Handle);
        var second = await _coalescer.RunAsync(Delivery("{}"), Handle);

        Assert.That((runs, second.Shared), Is.EqualTo((2, false)), "the next delivery is handled afresh");
    }

    [Test]
    public async Task A_flood_of_distinct_bodies_remembers_at_most_the_cap()
    {
        for (var i = 0; i < NotificationCoalescer.MaxRecentAnswers + 50; i++)
            await _coalescer.RunAsync(Delivery($"{{\"n\":{i}}}"), static () => Task.FromResult(new HandledNotification(NotifyReason.UnknownTransaction, 0, null)));

        var runs = 0;
        var last = await _coalescer.RunAsync(Delivery($"{{\"n\":{NotificationCoalescer.MaxRecentAnswers + 49}}}"), () =>
        {
            runs++;
            return Task.FromResult(new HandledNotification(NotifyReason.UnknownTransaction, 0, null));
        });

        Assert.That((runs, last.Shared), Is.EqualTo((1, false)), "past the cap, answers are not remembered (memory stays bounded)");
    }
}
