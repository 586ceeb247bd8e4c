using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// One trip of an order to Alipay: what was sent to QFPay (its own out_trade_no, amount in minor units, currency,
/// pay type, expiry) and what became of it. Every new payment of an order is a new attempt, because QFPay needs a new
/// out_trade_no for each. Later checks (notification, return page, query,
/// refunds) compare with what is kept here, never with the order total or the store's settings, which an admin may
/// change later.
/// </summary>
public class QfPayPaymentAttempt : BaseEntity
{
    public int OrderId { get; set; }

    public int StoreId { get; set; }

    /// <summary>Unique (database index); from <c>OutTradeNumber.ForPayment</c>.</summary>
    public string OutTradeNo { get; set; } = string.Empty;

    /// <summary>1 for the first attempt of the order, then 2, 3, ...</summary>
    public int AttemptNumber { get; set; }

    /// <summary>txamt as sent.</summary>
    public long AmountMinor { get; set; }

    /// <summary>txcurrcd as sent, upper case.</summary>
    public string CurrencyCode { get; set; } = string.Empty;

    /// <summary>QFPay's pay_type code (801107, 801512, 800107).</summary>
    public int PayType { get; set; }

    public int StatusId { get; set; }

    /// <summary>
    /// QFPay's number, once known. Deliberately not unique-indexed: SQL Server allows one NULL per unique index, and
    /// the uniqueness that matters (one settlement per syssn) is held by the settlement claim table.
    /// </summary>
    public string? Syssn { get; set; }

    /// <summary>
    /// Where the shopper pays: QFPay's pay_url (801107, 801512), or for 800107 the tradeNO that Alipay's tradePay takes.
    /// Handed out again while the attempt is open and before <see cref="ExpiresOnUtc"/>, never after.
    /// </summary>
    public string? PayUrl { get; set; }

    /// <summary>
    /// When QFPay closes this payment: the moment it was sent plus the expired_time sent with it (or QFPay's default).
    /// Null only for attempts recorded before version 1.1 (then creation + QFPay's default).
    /// </summary>
    public DateTime? ExpiresOnUtc { get; set; }

    /// <summary>
    /// The order total (primary store currency) that <see cref="AmountMinor"/> was computed from. Refunds are this
    /// payment's proportion of it (refund ÷ this × txamt), never a fresh currency conversion. Null only for attempts
    /// recorded before version 1.1.
    /// </summary>
    public decimal? ChargedOrderTotal { get; set; }

    /// <summary>The last QFPay respcd seen for this attempt (payment call or query record).</summary>
    public string? LastResponseCode { get; set; }

    /// <summary>Why the attempt stands where it does, in words an admin can act on; never a secret.</summary>
    public string? LastMessage { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime UpdatedOnUtc { get; set; }

    /// <summary>When QFPay was last asked about this attempt; the return page uses it to avoid querying on every refresh.</summary>
    public DateTime? LastQueriedOnUtc { get; set; }

    public PaymentAttemptStatus Status
    {
        get => (PaymentAttemptStatus)StatusId;
        set => StatusId = (int)value;
    }
}

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
