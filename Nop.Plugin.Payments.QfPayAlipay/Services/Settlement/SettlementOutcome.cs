namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>What settling a <see cref="PaidFact"/> did.</summary>
public enum SettlementOutcome
{
    /// <summary>This payment paid the order: marked now (or an interrupted settlement of it was completed).</summary>
    Settled,

    /// <summary>This payment had paid the order already; nothing changed.</summary>
    AlreadySettled,

    /// <summary>No attempt has this out_trade_no; nothing changed.</summary>
    UnknownTransaction,

    /// <summary>Amount, currency, syssn or pay type differ, or QFPay shows it refunded or cancelled: the order is not paid.</summary>
    Mismatch,

    /// <summary>The order was paid by another payment: this one is flagged as a duplicate payment to refund, never marked.</summary>
    DuplicatePayment,

    /// <summary>The order cannot be paid any more (cancelled, deleted): the payment is flagged to refund.</summary>
    OrderNotPayable,

    /// <summary>Another caller is settling this order right now and did not finish within the wait: try again later.</summary>
    Busy,

    /// <summary>The database (or another dependency) failed: nothing is known, try again later.</summary>
    TransientFailure,
}

/// <param name="Attempt">The attempt the fact was about, as it stands after settling (null when unknown or on failure).</param>
/// <param name="IsDuplicate">The same report was handled before: nothing was written now.</param>
public sealed record SettlementResult(SettlementOutcome Outcome, Domain.QfPayPaymentAttempt? Attempt, string Detail, bool IsDuplicate = false)
{
    /// <summary>Nothing was decided: the caller should let the sender retry (notification) or try again later.</summary>
    public bool IsRetryable => Outcome is SettlementOutcome.Busy or SettlementOutcome.TransientFailure;

    /// <summary>The order is paid by this very payment.</summary>
    public bool PaidTheOrder => Outcome is SettlementOutcome.Settled or SettlementOutcome.AlreadySettled;
}
