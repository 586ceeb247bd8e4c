namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Real time plus an offset that only grows: timers and waits run at real speed (unlike <see cref="JumpingClock"/>,
/// whose instant waits would let 100 pollers race a settlement's lease), while a test can still make an attempt old
/// enough for the reconciliation task.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
