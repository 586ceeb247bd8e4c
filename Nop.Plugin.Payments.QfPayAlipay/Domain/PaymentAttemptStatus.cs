namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// Where one payment attempt stands. Stored as an int (<see cref="QfPayPaymentAttempt.StatusId"/>): never renumber.
/// A status only ever moves forward (<see cref="PaymentAttemptStatuses.CanMoveTo"/>), and every change is a guarded
/// UPDATE that names the statuses it may start from, so two requests cannot put an older status back over a newer one.
/// </summary>
public enum PaymentAttemptStatus
{
    /// <summary>Recorded, QFPay not called yet (or the call is still running).</summary>
    Created = 0,

    /// <summary>QFPay created the payment (respcd 0000): the shopper was sent to pay_url (or tradePay for 800107).</summary>
    AwaitingPayment = 10,

    /// <summary>This payment paid the order: a verified notification or query said paid, and the order was marked paid with it.</summary>
    Paid = 20,

    /// <summary>QFPay refused to create the payment, or closed/cancelled it: nothing was paid.</summary>
    Failed = 30,

    /// <summary>
    /// The payment call timed out, failed on the network or answered with an unknown code: the payment may exist at
    /// QFPay. Only a query by out_trade_no may decide; a timeout is never a failure.
    /// </summary>
    Unknown = 40,

    /// <summary>Not paid within the attempt's own expired_time (record code 1181, or still unpaid after it).</summary>
    Expired = 50,

    /// <summary>
    /// QFPay reports a payment that differs from what was sent (amount, currency, syssn, pay type) or that it already
    /// shows refunded or cancelled: not treated as paid; the admin decides.
    /// </summary>
    Mismatch = 60,

    /// <summary>
    /// A second QFPay payment of an order another payment had already paid: never marked, flagged on the order, to be
    /// refunded in full ("Refund this duplicate payment" on the order page).
    /// </summary>
    DuplicatePayment = 70,

    /// <summary>Paid at QFPay for an order that could not take it any more (cancelled, deleted): flagged, to be refunded.</summary>
    NotApplied = 80,
}

public static class PaymentAttemptStatuses
{
    /// <summary>Nothing QFPay says later needs asking about: the attempt is no longer polled.</summary>
    public static bool IsFinal(this PaymentAttemptStatus status) => Rank(status) >= 2;

    /// <summary>QFPay took money under this attempt (whether or not it paid the order).</summary>
    public static bool HoldsMoney(this PaymentAttemptStatus status) => Rank(status) == 3;

    /// <summary>Money QFPay took that the order does not keep: the admin refunds it in full from the order page.</summary>
    public static bool IsMoneyToReturn(this PaymentAttemptStatus status) =>
        status is PaymentAttemptStatus.DuplicatePayment or PaymentAttemptStatus.NotApplied;

    /// <summary>
    /// Whether an attempt may move from <paramref name="from"/> to <paramref name="to"/>: only to a later stage. Open
    /// (created, awaiting, unknown) comes before closed unpaid (failed, expired), which comes before money (paid,
    /// mismatch, duplicate, not applied): a payment that arrives after a link was closed still wins, nothing undoes money.
    /// </summary>
    public static bool CanMoveTo(this PaymentAttemptStatus from, PaymentAttemptStatus to) => Rank(to) > Rank(from);

    /// <summary>The statuses an attempt may move to <paramref name="to"/> from.</summary>
    public static IReadOnlyList<PaymentAttemptStatus> Before(PaymentAttemptStatus to) =>
        Enum.GetValues<PaymentAttemptStatus>().Where(from => from.CanMoveTo(to)).ToArray();

    /// <summary>0 created, 1 open at QFPay, 2 closed unpaid, 3 money arrived; unknown values (a newer version's) count as money.</summary>
    public static int Rank(PaymentAttemptStatus status) => status switch
    {
        PaymentAttemptStatus.Created => 0,
        PaymentAttemptStatus.AwaitingPayment or PaymentAttemptStatus.Unknown => 1,
        PaymentAttemptStatus.Failed or PaymentAttemptStatus.Expired => 2,
        _ => 3,
    };
}
