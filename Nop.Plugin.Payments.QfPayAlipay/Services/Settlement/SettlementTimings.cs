namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>How long settlement waits for, and trusts, another holder of a claim.</summary>
/// <param name="Lease">
/// A claim not completed after this long was left by a holder that died (a crash between claim and mark-paid) and
/// is taken over. Settling takes milliseconds; two minutes leaves a wide margin for a slow database while still
/// completing the payment at QFPay's second notification attempt or the next reconciliation run (API.md §6.6).
/// </param>
/// <param name="WaitForHolder">
/// How long a duplicate delivery waits for the holder to finish, so that QFPay gets SUCCESS at once instead of a
/// retry; kept well under the few seconds a notification sender waits for an answer.
/// </param>
/// <param name="PollInterval">How often the claim is re-read while waiting.</param>
/// <param name="MaxGenerations">Takeovers of one syssn before giving up (each needs a lease to expire first).</param>
public sealed record SettlementTimings(TimeSpan Lease, TimeSpan WaitForHolder, TimeSpan PollInterval, int MaxGenerations)
{
    public static SettlementTimings Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100), 20);
}
