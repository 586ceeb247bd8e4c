using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.RateLimiting;

/// <summary>QFPay's 100 requests per second and 400 per minute per merchant (docs/qfpay-protocol.md §1.5), kept by waiting on the injected clock.</summary>
public class MerchantRateLimiterTests
{
    private const string Merchant = "A7F3C1D9E5B24F6A8C0D2E4F6A8B0C1D";

    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_hundred_requests_go_at_once_and_the_next_one_waits_for_the_second_to_pass()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock);
        for (var i = 0; i < 100; i++)
            Assert.That(limiter.AcquireAsync(Merchant).IsCompletedSuccessfully, Is.True, $"request {i + 1}");

        var hundredAndFirst = limiter.AcquireAsync(Merchant);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20);
        Assert.That(hundredAndFirst.IsCompleted, Is.False, "still inside the same second");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await hundredAndFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task No_rolling_minute_ever_holds_more_than_400_requests_nor_any_second_more_than_100()
    {
        var clock = new JumpingClock(Start);
        var limiter = new MerchantRateLimiter(clock);
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 1000; i++)
        {
            await limiter.AcquireAsync(Merchant);
            sent.Add(clock.Now);
        }

        Assert.Multiple(() =>
        {
            Assert.That(RequestWindows.MostInAnyWindow(sent, TimeSpan.FromSeconds(60)), Is.EqualTo(400));
            Assert.That(RequestWindows.MostInAnyWindow(sent, TimeSpan.FromSeconds(1)), Is.EqualTo(100));
            Assert.That(sent[399] - sent[0], Is.LessThan(TimeSpan.FromSeconds(4)), "the first 400 only wait for the per-second limit");
            Assert.That(sent[400] - sent[0], Is.EqualTo(TimeSpan.FromSeconds(60)), "the 401st waits until the first has left the minute");
            Assert.That(sent[^1] - sent[0], Is.LessThan(TimeSpan.FromMinutes(2.1)), "and no longer than needed");
        });
    }

    [Test]
    public void Each_merchant_has_its_own_limits()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock);
        for (var i = 0; i < 100; i++)
            _ = limiter.AcquireAsync(Merchant);

        Assert.Multiple(() =>
        {
            Assert.That(limiter.TimeUntilAllowed(Merchant), Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(limiter.AcquireAsync("ANOTHERAPPCODE").IsCompletedSuccessfully, Is.True);
        });
    }

    [Test]
    public void A_429_makes_the_merchant_wait_and_each_further_429_in_a_row_doubles_the_wait_up_to_a_minute()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            limiter.ReportRateLimited(Merchant);
            waits.Add(limiter.TimeUntilAllowed(Merchant));
            clock.Advance(waits[^1]);
        }

        Assert.That(waits.Select(static w => w.TotalSeconds), Is.EqualTo(new double[] { 1, 2, 4, 8, 16, 32, 60, 60 }));
    }

    [Test]
    public void Any_other_answer_ends_the_series_and_the_next_429_starts_from_one_second_again()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock);
        limiter.ReportRateLimited(Merchant);
        limiter.ReportRateLimited(Merchant);
        clock.Advance(TimeSpan.FromSeconds(5));

        limiter.ReportAnswered(Merchant);
        limiter.ReportRateLimited(Merchant);

        Assert.That(limiter.TimeUntilAllowed(Merchant), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void A_longer_Retry_After_than_the_backoff_is_honoured()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock);

        limiter.ReportRateLimited(Merchant, TimeSpan.FromSeconds(7));

        Assert.That(limiter.TimeUntilAllowed(Merchant), Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task A_waiting_caller_can_give_up_and_is_not_counted()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock, new QfPayRateLimits(1, 400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
        await limiter.AcquireAsync(Merchant);
        using var giveUp = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(Merchant, giveUp.Token);
        await giveUp.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(limiter.AcquireAsync(Merchant).IsCompletedSuccessfully, Is.True, "the cancelled call took no permit");
    }

    [Test]
    public void Waiting_for_capacity_takes_no_permit()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock, new QfPayRateLimits(1, 400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));

        Assert.Multiple(() =>
        {
            Assert.That(limiter.WaitForCapacityAsync(Merchant).IsCompletedSuccessfully, Is.True);
            Assert.That(limiter.AcquireAsync(Merchant).IsCompletedSuccessfully, Is.True);
            Assert.That(limiter.WaitForCapacityAsync(Merchant).IsCompleted, Is.False);
        });
    }

    [Test]
    public void Limits_that_cannot_work_are_refused()
    {
        Assert.That(() => new MerchantRateLimiter(TimeProvider.System, new QfPayRateLimits(0, 400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60))),
            Throws.ArgumentException);
    }
}
