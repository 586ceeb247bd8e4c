namespace QfPaySimulator.Notifications;

/// <summary>
/// QFPay re-sends an unacknowledged notification after 2 min, 10 min, 10 min, 60 min, 2 h, 6 h and 15 h, read as
/// gaps between attempts, so at most 8 attempts (docs/qfpay-protocol.md §6.6). The scale shrinks the gaps for tests.
/// </summary>
internal sealed class RetrySchedule(double timeScale)
{
    private static readonly TimeSpan[] Gaps =
    [
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(60),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(15),
    ];

    public static int MaxAttempts => Gaps.Length + 1;

    /// <summary>The wait before attempt <paramref name="attempt"/> (2..8).</summary>
    public TimeSpan GapBefore(int attempt) => Gaps[attempt - 2] * timeScale;
}
