namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>Where one refund request stands. Stored as an int (<see cref="QfPayRefund.StatusId"/>): never renumber.</summary>
public enum RefundStatus
{
    /// <summary>
    /// Recorded before the call, and not confirmed since: the call is running, QFPay answered 1143/1145, or the answer
    /// was lost. Only a query or QFPay's refund notification may settle it; it is never sent again (API.md §8.2).
    /// </summary>
    Pending = 0,

    /// <summary>QFPay confirmed the refund (answer, query record or notification with respcd 0000).</summary>
    Succeeded = 10,

    /// <summary>QFPay refused it, or a query proved it was never made: no money moved.</summary>
    Failed = 20,
}
