namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

/// <summary>
/// Base for the simulator's own tests: a fresh <see cref="SimulatorRig"/> (simulator plus stand-in shop) per test, so
/// no trade, fault rule or delivery carries over from one test to the next.
/// </summary>
public abstract class SimulatorRigFixture
{
    protected SimulatorRig Rig { get; private set; } = null!;

    /// <summary>Starts this test's rig; override to give the simulator options, e.g. a clock.</summary>
    protected virtual Task<SimulatorRig> StartRigAsync() => SimulatorRig.StartAsync();

    [SetUp]
    public async Task StartAsync() => Rig = await StartRigAsync();

    [TearDown]
    public async Task StopAsync() => await Rig.DisposeAsync();
}
