namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>Where one refund request stands. Stored as an int (<see cref="QfPayRefund.StatusId"/>): never renumber.</summary>
public enum RefundStatus
{
    /// <summary>
    /// Recorded before the call, and not confirmed since: the call is running, QFPay answered 1143/1145, or the answer
    /// was lost. Only a query or QFPay's refund notification may settle it; it is never sent again.
    /// </summary>
    Pending = 0,

    /// <summary>QFPay confirmed the refund (answer, query record or notification with respcd 0000).</summary>
    Succeeded = 10,

    /// <summary>QFPay refused it, or a query proved it was never made: no money moved.</summary>
    Failed = 20,
}

public static class RefundStatuses
{
    /// <summary>
    /// Pending comes before failed, which comes before succeeded: QFPay confirming a refund the plugin had recorded as
    /// failed (a lost answer, then a notification) moves it on; nothing moves a confirmed refund back.
    /// </summary>
    public static bool CanMoveTo(this RefundStatus from, RefundStatus to) => Rank(to) > Rank(from);

    public static IReadOnlyList<RefundStatus> Before(RefundStatus to) =>
        Enum.GetValues<RefundStatus>().Where(from => from.CanMoveTo(to)).ToArray();

    public static int Rank(RefundStatus status) => status switch
    {
        RefundStatus.Pending => 0,
        RefundStatus.Failed => 1,
        _ => 2,
    };
}
