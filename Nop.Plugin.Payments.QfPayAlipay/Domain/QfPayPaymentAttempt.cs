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
