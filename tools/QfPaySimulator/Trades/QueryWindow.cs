namespace QfPaySimulator.Trades;

/// <summary>
/// The query's window on <c>sysdtm</c>: start and end default to the start and end of the current month and must
/// lie within one calendar month (docs/qfpay-protocol.md §7.1, §7.2).
/// </summary>
internal sealed record QueryWindow(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset moment) => moment >= From && moment <= To;

    public static bool TryResolve(string? startTime, string? endTime, DateTimeOffset now, out QueryWindow window, out string error)
    {
        now = now.ToOffset(QfPayClock.Offset);
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, QfPayClock.Offset);
        window = new QueryWindow(monthStart, monthStart.AddMonths(1).AddSeconds(-1));
        error = "";

        var from = window.From;
        var to = window.To;
        if (!string.IsNullOrEmpty(startTime) && !QfPayClock.TryParse(startTime, out from))
        {
            error = "start_time must be yyyy-MM-dd HH:mm:ss";
            return false;
        }

        if (!string.IsNullOrEmpty(endTime) && !QfPayClock.TryParse(endTime, out to))
        {
            error = "end_time must be yyyy-MM-dd HH:mm:ss";
            return false;
        }

        if (from > to)
        {
            error = "start_time is after end_time";
            return false;
        }

        if (from.Year != to.Year || from.Month != to.Month)
        {
            error = "start_time and end_time must lie within one calendar month";
            return false;
        }

        window = new QueryWindow(from, to);
        return true;
    }
}
