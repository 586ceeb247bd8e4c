namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;

/// <summary>
/// QFPay's limits per merchant (API.md §1.5): 100 requests per second <b>and</b> 400 per minute, HTTP 429
/// beyond them, and "back off exponentially after a 429". The minute is treated as a rolling 60 seconds,
/// because QFPay does not say where its minutes start, and a rolling window is the only reading that can
/// never break a fixed-minute counter either.
/// </summary>
/// <param name="PerSecond">Requests allowed in any rolling 1-second window.</param>
/// <param name="PerMinute">Requests allowed in any rolling 60-second window.</param>
/// <param name="FirstBackoff">Pause after the first 429 in a row; doubles with every further one.</param>
/// <param name="LongestBackoff">
/// Cap of the doubling. A minute is the longest window QFPay counts in, so waiting longer can never be
/// what it takes for a limit to reset.
/// </param>
public sealed record QfPayRateLimits(int PerSecond, int PerMinute, TimeSpan FirstBackoff, TimeSpan LongestBackoff)
{
    public static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    public static QfPayRateLimits Default { get; } = new(100, 400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>Why these limits cannot work, or null.</summary>
    public string? Validate()
    {
        if (PerSecond < 1 || PerMinute < 1)
            return "Rate limits must allow at least one request per second and per minute.";

        if (FirstBackoff <= TimeSpan.Zero || LongestBackoff < FirstBackoff)
            return "The first backoff must be positive and not longer than the longest backoff.";

        return null;
    }
}
