using System.Globalization;

namespace QfPaySimulator.Trades;

/// <summary>
/// QFPay's clock: whole seconds in UTC+8, the zone <c>sysdtm</c> is observed in and <c>txdtm</c>,
/// <c>start_time</c>, <c>end_time</c> are read in (docs/qfpay-protocol.md §4.3, §7.2). Only <see cref="TimeProvider.GetUtcNow"/> is
/// used, so a test can move the clock without affecting timers.
/// </summary>
internal sealed class QfPayClock(TimeProvider time)
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The current instant at full precision, for logs.</summary>
    public DateTimeOffset Instant => time.GetUtcNow();

    /// <summary>The current QFPay time: UTC+8, whole seconds, as in <c>sysdtm</c>.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow().ToOffset(Offset);
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    public static string Text(DateTimeOffset value) =>
        value.ToOffset(Offset).ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, Offset);
            return true;
        }

        value = default;
        return false;
    }
}
