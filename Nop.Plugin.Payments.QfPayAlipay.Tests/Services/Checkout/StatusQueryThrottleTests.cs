using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

public class StatusQueryThrottleTests
{
    private readonly SettableClock _clock = new(new DateTimeOffset(2025, 3, 18, 6, 0, 0, TimeSpan.Zero));

    private static QfPayPaymentAttempt Attempt(string outTradeNo = "10025-1-abc", DateTime? lastQueried = null) =>
        new() { OutTradeNo = outTradeNo, LastQueriedOnUtc = lastQueried };

    [Test]
    public void One_claim_per_attempt_per_interval()
    {
        var throttle = new StatusQueryThrottle(_clock);

        Assert.That(throttle.TryClaim(Attempt()), Is.True);
        Assert.That(throttle.TryClaim(Attempt()), Is.False);
        Assert.That(throttle.TryClaim(Attempt("10026-1-def")), Is.True, "another attempt has its own allowance");

        _clock.Advance(StatusQueryThrottle.Interval);
        Assert.That(throttle.TryClaim(Attempt()), Is.True);
    }

    [Test]
    public void A_recent_query_by_anyone_recorded_on_the_attempt_counts_too()
    {
        // Another node, the return page or reconciliation asked: LastQueriedOnUtc is shared through the database.
        var throttle = new StatusQueryThrottle(_clock);
        var now = _clock.GetUtcNow().UtcDateTime;

        Assert.That(throttle.TryClaim(Attempt(lastQueried: now.AddSeconds(-2))), Is.False);
        Assert.That(throttle.TryClaim(Attempt(lastQueried: now - StatusQueryThrottle.Interval)), Is.True);
    }

    [Test]
    public void Concurrent_claims_let_exactly_one_through()
    {
        var throttle = new StatusQueryThrottle(_clock);

        var granted = 0;
        Parallel.For(0, 200, _ =>
        {
            if (throttle.TryClaim(Attempt()))
                Interlocked.Increment(ref granted);
        });

        Assert.That(granted, Is.EqualTo(1));
    }
}
