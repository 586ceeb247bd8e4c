using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Base for tests that need a fresh <see cref="ReconciliationRig"/> against the simulator per test: one shop node,
/// with the shop and the simulator on the same <see cref="JumpingClock"/>, so each test can jump time for both at once.
/// </summary>
public abstract class ReconciliationRigFixture
{
    private readonly DateTimeOffset _start;
    private readonly Action<SimulatorOptions>? _simulator;

    /// <param name="start">Where the shared clock starts.</param>
    /// <param name="simulator">Extra simulator set-up, e.g. <see cref="ReconciliationRig.DropNotifications"/>.</param>
    protected ReconciliationRigFixture(DateTimeOffset start, Action<SimulatorOptions>? simulator = null)
    {
        _start = start;
        _simulator = simulator;
    }

    protected JumpingClock Clock { get; private set; } = null!;

    protected ReconciliationRig Rig { get; private set; } = null!;

    protected ReconciliationRig.Node Node { get; private set; } = null!;

    [SetUp]
    public async Task StartShopAndSimulator()
    {
        Clock = new JumpingClock(_start);
        Rig = await ReconciliationRig.WithSimulatorAsync(Clock, _simulator);
        Node = Rig.NewNode();
    }

    [TearDown]
    public async Task StopShopAndSimulator() => await Rig.DisposeAsync();
}
