namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

/// <summary>A clock a test moves by hand; the simulator reads only its current time (see SimulatorOptions.TimeProvider).</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref ticks, value.UtcTicks);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>A moment given in QFPay's zone, UTC+8.</summary>
    public static DateTimeOffset HongKong(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));
}
