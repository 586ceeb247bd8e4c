namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>Why the notification route answered as it did; each reason has exactly one answer in <see cref="NotifyAnswer.Table"/>.</summary>
public enum NotifyReason
{
    /// <summary>Verified payment; this delivery marked the order paid.</summary>
    Settled,

    /// <summary>Verified payment already settled by an earlier or concurrent delivery, the return page or a query.</summary>
    Duplicate,

    /// <summary>Verified payment, but no attempt has its out_trade_no (another shop on the same app code?).</summary>
    UnknownTransaction,

    /// <summary>Verified payment whose amount, currency, syssn or pay type differs from the attempt (or QFPay shows it refunded): order not paid, noted once.</summary>
    Mismatch,

    /// <summary>Verified payment for an order already paid by another payment: flagged as a duplicate payment to refund.</summary>
    DuplicatePayment,

    /// <summary>Verified payment for an order that cannot be paid (cancelled, deleted): flagged for a refund.</summary>
    OrderNotPayable,

    /// <summary>Verified, but not a success (respcd not 0000 or status not 1): QFPay does not send these (API.md §6.1), nothing to do.</summary>
    NotSuccessful,

    /// <summary>
    /// Verified refund notification the shop is done with: one of its refunds confirmed now or before, a refund made
    /// elsewhere noted on its order (or logged), or an amount mismatch noted (RefundNotificationHandler).
    /// </summary>
    RefundRecorded,

    /// <summary>Not a POST.</summary>
    MethodNotAllowed,

    /// <summary>Body above the limit (QFPay's are about 1 KB).</summary>
    PayloadTooLarge,

    /// <summary>No body.</summary>
    EmptyBody,

    /// <summary>Not a JSON object, or a verified body that names no transaction the shop could ask QFPay about.</summary>
    Malformed,

    /// <summary>
    /// Verified, but some fields were missing or unreadable: QFPay was asked about its out_trade_no and the answer was
    /// applied (settled, noted, or found unpaid). A genuine notification is never refused for its shape alone.
    /// </summary>
    RecoveredByQuery,

    /// <summary>No X-QF-SIGN header.</summary>
    MissingSignature,

    /// <summary>X-QF-SIGN is malformed or does not match any configured key.</summary>
    BadSignature,

    /// <summary>
    /// Signed with the key of a store that does not own the payment or refund it names: one store's credentials never
    /// confirm another store's records. Nothing changed.
    /// </summary>
    WrongStoreKey,

    /// <summary>No store has a client key now: nothing can be verified until one is entered.</summary>
    KeyNotConfigured,

    /// <summary>Another delivery is settling this payment right now and did not finish within the wait.</summary>
    SettlementBusy,

    /// <summary>Verified but unreadable, and QFPay could not be asked about it yet (or still reports it open): retry.</summary>
    QueryPending,

    /// <summary>
    /// Verified refund notification that cannot be taken yet: the refund's own request may still be running, QFPay
    /// could not be asked about a refund made elsewhere, or the database failed.
    /// </summary>
    RefundRetryLater,

    /// <summary>The database or another dependency failed.</summary>
    TransientFailure,
}
