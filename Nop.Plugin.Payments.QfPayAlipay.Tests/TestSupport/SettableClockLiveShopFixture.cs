using Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A <see cref="LiveShopFixture"/> whose shop runs on a clock the test moves by hand (attempt ages, query throttles),
/// starting at the real time; the simulator keeps its own clock.
/// </summary>
public abstract class SettableClockLiveShopFixture : LiveShopFixture
{
    protected SettableClock Clock { get; private set; } = null!;

    protected override Task<LiveShop> StartShopAsync()
    {
        Clock = new SettableClock(DateTimeOffset.UtcNow);
        return LiveShop.StartAsync(clock: Clock);
    }
}
