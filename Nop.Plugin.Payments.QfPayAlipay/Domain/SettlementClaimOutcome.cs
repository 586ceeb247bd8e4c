namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>What the holder of a settlement claim did. Stored as an int: never renumber.</summary>
public enum SettlementClaimOutcome
{
    /// <summary>Claimed, not completed yet (or the holder died: see the lease in SettlementTimings).</summary>
    InProgress = 0,

    /// <summary>The order was marked paid with this syssn.</summary>
    MarkedPaid = 10,

    /// <summary>The order already carried this syssn and was paid (a settlement interrupted after mark-paid).</summary>
    AlreadyPaid = 20,

    /// <summary>The order was already paid by another QFPay payment: flagged, one of them must be refunded.</summary>
    PaidTwice = 30,

    /// <summary>Money arrived for an order that cannot be paid (cancelled, deleted, refunded): flagged for a refund.</summary>
    OrderNotPayable = 40,

    /// <summary>Amount, currency or syssn differ from the attempt: noted once, the order is not paid.</summary>
    Mismatch = 50,

    /// <summary>
    /// A refund notification was noted on the order. Written only by versions before refund notifications went to
    /// RefundNotificationHandler (which claims in QfPayWorkClaim); kept so that existing rows still read.
    /// </summary>
    RefundNoted = 60,
}
