namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>What the expiry rules did after a fresh query.</summary>
public enum ExpiryOutcome
{
    /// <summary>Nothing: paid, not overdue, or still open at QFPay and not overdue.</summary>
    None,

    /// <summary>The attempt was marked expired (overdue and still unpaid at QFPay); the order stays as it was.</summary>
    AttemptExpired,

    /// <summary>The attempt is dead and the order was cancelled (setting AutoCancelExpiredOrders).</summary>
    OrderCancelled,

    /// <summary>The attempt is dead but the order was not cancelled (setting off, another attempt open, order not pending...).</summary>
    OrderKept,
}
