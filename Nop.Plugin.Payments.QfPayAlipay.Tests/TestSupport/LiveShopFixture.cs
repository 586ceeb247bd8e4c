namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Base for tests that drive a fresh <see cref="LiveShop"/> (and its simulator) per test, so no attempt, order or
/// throttle carries over from one test to the next.
/// </summary>
public abstract class LiveShopFixture
{
    protected LiveShop Shop { get; private set; } = null!;

    /// <summary>Starts this test's shop; override to give it a clock of its own or simulator options.</summary>
    protected virtual Task<LiveShop> StartShopAsync() => LiveShop.StartAsync();

    [SetUp]
    public async Task StartAsync() => Shop = await StartShopAsync();

    [TearDown]
    public async Task StopAsync() => await Shop.DisposeAsync();
}
