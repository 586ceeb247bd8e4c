using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>
/// QFPay's clock conventions: <c>txdtm</c>, <c>sysdtm</c>, <c>start_time</c> and <c>end_time</c> are
/// <c>yyyy-MM-dd HH:mm:ss</c> without a zone, meant as Hong Kong time, UTC+8 (docs/qfpay-protocol.md §4.2, §4.3, §11.14).
/// </summary>
public static class QfPayTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// Hong Kong has kept UTC+8 without daylight saving since 1979, so a fixed offset is exact and avoids
    /// depending on the server's time-zone database.
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant written in UTC+8, QFPay's layout.</summary>
    public static string ToQfPayText(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The <c>txdtm</c> for "now"; the clock is injected so tests can pin it.</summary>
    public static string Txdtm(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToQfPayText(timeProvider.GetUtcNow());
    }

    /// <summary>Reads a QFPay time as UTC+8; false for anything not in <see cref="Format"/>.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;

        instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);
        return true;
    }

    /// <summary>The calendar month (UTC+8) that contains <paramref name="instant"/>.</summary>
    public static QueryWindow MonthOf(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Offset);
        var start = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Offset);
        // One second before the next month: QFPay times have whole seconds and V11 uses 23:59:59.
        return new QueryWindow(start, start.AddMonths(1).AddSeconds(-1));
    }

    /// <summary>
    /// The month windows an <c>out_trade_no</c> query must cover so that no record created between
    /// <paramref name="earliest"/> and <paramref name="latest"/> is hidden by the one-month rule of
    /// docs/qfpay-protocol.md §7.2, widening both ends by <paramref name="margin"/> first.
    /// </summary>
    /// <remarks>
    /// Records are filtered on QFPay's <c>sysdtm</c>, which trails our own creation time by the request's
    /// duration (up to the 30 s timeout) plus any clock difference between the servers. An attempt created
    /// at 23:59:50 on 31 March can therefore carry a 1 April <c>sysdtm</c>, and one created at 00:00:05 on
    /// 1 April by a fast clock a 31 March one. Widening by a margin and taking every month the widened span
    /// touches costs a second request only near a month boundary, and never misses an order there.
    /// </remarks>
    public static IReadOnlyList<QueryWindow> MonthWindows(DateTimeOffset earliest, DateTimeOffset latest, TimeSpan margin)
    {
        if (latest < earliest)
            (earliest, latest) = (latest, earliest);

        var last = MonthOf(latest + margin);
        var windows = new List<QueryWindow>();
        for (var month = MonthOf(earliest - margin); month.Start <= last.Start; month = MonthOf(month.End.AddSeconds(1)))
            windows.Add(month);

        return windows;
    }
}

/// <summary>
/// A <c>start_time</c>/<c>end_time</c> pair for <c>/trade/v1/query</c>; QFPay requires both ends to lie in
/// one calendar month (docs/qfpay-protocol.md §7.2).
/// </summary>
public sealed record QueryWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public string StartText => QfPayTime.ToQfPayText(Start);

    public string EndText => QfPayTime.ToQfPayText(End);

    public override string ToString() => $"{StartText} .. {EndText}";
}
