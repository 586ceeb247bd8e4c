namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>What settling a <see cref="PaidFact"/> did.</summary>
public enum SettlementOutcome
{
    /// <summary>This call marked the order paid (or finished a settlement that was interrupted after it).</summary>
    Settled,

    /// <summary>Another call settled this payment already; nothing changed.</summary>
    AlreadySettled,

    /// <summary>No attempt has this out_trade_no; nothing changed.</summary>
    UnknownTransaction,

    /// <summary>Amount, currency or syssn differ from the attempt: the order is not paid (order note + error log).</summary>
    Mismatch,

    /// <summary>The order was already paid by another payment: flagged (order note + warning), not marked again.</summary>
    PaidTwice,

    /// <summary>The order cannot be paid any more (cancelled, deleted): flagged for a refund.</summary>
    OrderNotPayable,

    /// <summary>Another caller holds the settlement right now and did not finish within the wait: try again later.</summary>
    Busy,

    /// <summary>The database (or another dependency) failed: nothing is known, try again later.</summary>
    TransientFailure,
}
