namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>Who learned what became of a refund; named in order notes.</summary>
public enum RefundSource
{
    /// <summary>QFPay's answer to the refund call (or the query right after it).</summary>
    RefundCall,

    /// <summary>QFPay's signed refund notification (API.md §6.7).</summary>
    Notification,

    /// <summary>The reconciliation task's query.</summary>
    Reconciliation,

    /// <summary>An admin's "check status now".</summary>
    AdminCheck,

    /// <summary>The query made before a new refund of the same payment.</summary>
    BeforeNextRefund,
}
