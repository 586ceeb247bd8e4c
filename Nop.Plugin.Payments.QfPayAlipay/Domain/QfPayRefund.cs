using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// One refund asked of QFPay (table QfPayRefund). The row is written <b>before</b> the call, with its own
/// out_trade_no, so that an answer lost on the way can only ever be resolved by querying that number, never by
/// sending a second refund (docs/qfpay-protocol.md §2.4, §8.2, §11.11).
/// </summary>
public class QfPayRefund : BaseEntity
{
    public int OrderId { get; set; }

    public int StoreId { get; set; }

    /// <summary>The paid attempt being refunded.</summary>
    public int PaymentAttemptId { get; set; }

    /// <summary>The refunded payment's syssn (sent as the refund's syssn, docs/qfpay-protocol.md §8.1).</summary>
    public string PaymentSyssn { get; set; } = string.Empty;

    /// <summary>
    /// 1 for the payment's first refund, then 2, 3, ...; unique together with <see cref="PaymentAttemptId"/>, so two
    /// admins (or web nodes) submitting at once cannot both get a number: the refunds of one payment are serialised by
    /// the database, as QFPay expects (§8.2: it rejects a second refund while one is processing).
    /// </summary>
    public int Sequence { get; set; }

    /// <summary>This refund's own number (unique); from <c>OutTradeNumber.ForRefund</c>.</summary>
    public string OutTradeNo { get; set; } = string.Empty;

    /// <summary>txamt sent, in minor units of <see cref="CurrencyCode"/>.</summary>
    public long AmountMinor { get; set; }

    /// <summary>The payment's txcurrcd, upper case.</summary>
    public string CurrencyCode { get; set; } = string.Empty;

    /// <summary>What the admin asked for, in the primary store currency: what is recorded on the order once confirmed.</summary>
    public decimal AmountPrimary { get; set; }

    /// <summary>False when nopCommerce asked for a full refund (its "Refund" button), true for "Partial refund".</summary>
    public bool IsPartial { get; set; }

    public int StatusId { get; set; }

    /// <summary>QFPay's number of the refund transaction, once known.</summary>
    public string? RefundSyssn { get; set; }

    /// <summary>The last respcd seen for this refund (call, query record or notification).</summary>
    public string? LastResponseCode { get; set; }

    /// <summary>Why the refund stands where it does, for the admin; never a secret.</summary>
    public string? LastMessage { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime UpdatedOnUtc { get; set; }

    public RefundStatus Status
    {
        get => (RefundStatus)StatusId;
        set => StatusId = (int)value;
    }
}

/// <summary>Where one refund request stands. Stored as an int (<see cref="QfPayRefund.StatusId"/>): never renumber.</summary>
public enum RefundStatus
{
    /// <summary>
    /// Recorded before the call, and not confirmed since: the call is running, QFPay answered 1143/1145, or the answer
    /// was lost. Only a query or QFPay's refund notification may settle it; it is never sent again.
    /// </summary>
    Pending = 0,

    /// <summary>QFPay confirmed the refund (answer, query record or notification with respcd 0000).</summary>
    Succeeded = 10,

    /// <summary>QFPay refused it, or a query proved it was never made: no money moved.</summary>
    Failed = 20,
}

public static class RefundStatuses
{
    /// <summary>
    /// Pending comes before failed, which comes before succeeded: QFPay confirming a refund the plugin had recorded as
    /// failed (a lost answer, then a notification) moves it on; nothing moves a confirmed refund back.
    /// </summary>
    public static bool CanMoveTo(this RefundStatus from, RefundStatus to) => Rank(to) > Rank(from);

    public static IReadOnlyList<RefundStatus> Before(RefundStatus to) =>
        Enum.GetValues<RefundStatus>().Where(from => from.CanMoveTo(to)).ToArray();

    public static int Rank(RefundStatus status) => status switch
    {
        RefundStatus.Pending => 0,
        RefundStatus.Failed => 1,
        _ => 2,
    };
}
