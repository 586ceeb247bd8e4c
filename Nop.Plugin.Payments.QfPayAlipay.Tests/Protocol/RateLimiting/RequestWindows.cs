namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.RateLimiting;

/// <summary>Counts requests the way QFPay's limit does: the most that fall in any window [t, t + length) (docs/qfpay-protocol.md §1.5).</summary>
public static class RequestWindows
{
    public static int MostInAnyWindow(IEnumerable<DateTimeOffset> times, TimeSpan length)
    {
        var sorted = times.Order().ToArray();
        var most = 0;
        var end = 0;
        for (var start = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && sorted[end] < sorted[start] + length)
                end++;
            most = Math.Max(most, end - start);
        }

        return most;
    }
}
