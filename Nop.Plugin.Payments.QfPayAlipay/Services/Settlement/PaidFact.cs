namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>Who learned that a payment was paid.</summary>
public enum SettlementSource
{
    /// <summary>QFPay's signed notification (API.md §6).</summary>
    Notification,

    /// <summary>The shopper came back and a query found the payment paid (API.md §7, Appendix A step 3).</summary>
    ReturnPage,

    /// <summary>The reconciliation task's query.</summary>
    Reconciliation,

    /// <summary>An admin's "check status" query.</summary>
    AdminCheck,
}

/// <summary>
/// A verified statement from QFPay that a payment succeeded: a notification whose signature checked out, or a
/// query record with respcd 0000. <see cref="OutTradeNo"/> finds the attempt; amount and currency are compared with
/// what the attempt sent before anything is paid.
/// </summary>
public sealed record PaidFact(string OutTradeNo, string Syssn, long AmountMinor, string Currency, SettlementSource Source);
