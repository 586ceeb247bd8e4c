namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>What a <see cref="QfPayWorkClaim"/> entitles its holder to do. Stored as an int: never renumber.</summary>
public enum WorkClaimKind
{
    /// <summary>Query QFPay about one payment attempt in one reconciliation window (subject: attempt id).</summary>
    QueryAttempt = 10,

    /// <summary>Query QFPay about one pending refund in one reconciliation window (subject: refund id).</summary>
    QueryRefund = 20,

    /// <summary>Record one confirmed refund on the nopCommerce order (subject: refund id); once ever.</summary>
    RecordRefund = 30,

    /// <summary>Note a refund made outside nopCommerce on the order (subject: the payment attempt); once per refund syssn.</summary>
    NoteExternalRefund = 40,

    /// <summary>Note a refund notification that does not match the refund it names (subject: refund id); once per syssn.</summary>
    NoteRefundMismatch = 50,

    /// <summary>Refund recorded on its order (subject: refund id): written after the record, so a record left half-way shows.</summary>
    RefundRecorded = 60,

    /// <summary>Tell the admin once that recording a refund stopped half-way (subject: refund id).</summary>
    NoteRefundToCheck = 70,
}
