namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>How long settlement trusts, waits for and renews a holder of an order's claim.</summary>
/// <param name="Lease">
/// A claim not renewed for this long was left by a holder that died, and is taken over. The holder renews it every
/// <paramref name="RenewEvery"/> while it works (nopCommerce's mark-paid sends e-mails and can take seconds), so a live
/// holder never loses it, and a dead one is replaced well before QFPay's second delivery (2 minutes after the first).
/// </param>
/// <param name="RenewEvery">How often a working holder renews its lease.</param>
/// <param name="WaitForHolder">
/// How long a second report of the same order waits for the holder to finish, so that QFPay gets SUCCESS at once instead
/// of a retry; kept well under the few seconds a notification sender waits for an answer.
/// </param>
/// <param name="PollInterval">How often the claim is re-read while waiting.</param>
public sealed record SettlementTimings(TimeSpan Lease, TimeSpan RenewEvery, TimeSpan WaitForHolder, TimeSpan PollInterval)
{
    public static SettlementTimings Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));

    /// <summary>A holder marks the order paid only while at least this much of its lease is left (clock skew, a slow statement).</summary>
    public TimeSpan SafetyMargin => TimeSpan.FromTicks(Lease.Ticks / 3);
}
