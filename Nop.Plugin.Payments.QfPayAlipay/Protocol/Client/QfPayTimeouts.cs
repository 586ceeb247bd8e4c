namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// Overall time allowed per call. QFPay documents none; these follow API.md §2.4's recommendation
/// (30 s for payment and refund, 15 s for query). A call that runs out of time has an unknown outcome,
/// never a failure.
/// </summary>
public sealed record QfPayTimeouts(TimeSpan Payment, TimeSpan Refund, TimeSpan Query)
{
    public static QfPayTimeouts Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));

    /// <summary>CancellationTokenSource accepts at most int.MaxValue milliseconds.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(int.MaxValue);

    internal string? Validate()
    {
        foreach (var (name, value) in new[] { (nameof(Payment), Payment), (nameof(Refund), Refund), (nameof(Query), Query) })
        {
            if (value <= TimeSpan.Zero || value > Longest)
                return $"The {name.ToLowerInvariant()} timeout must be positive and at most {Longest.TotalDays:0} days.";
        }

        return null;
    }
}
