using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// The exactly-once guarantee. Whoever manages to INSERT the row with a given <see cref="ClaimKey"/> (a unique
/// index) is the only one allowed to act on it; every other web node, thread or retry gets a unique-key violation.
/// Payments claim their order (<c>order:&lt;order id&gt;</c>): of any number of QFPay payments of one order, only the
/// holder of this row may mark the order paid, and <see cref="Syssn"/> ends up naming the payment that did.
/// </summary>
/// <remarks>
/// The holder renews <see cref="ClaimedOnUtc"/> while it works (its lease). A row whose lease ran out, or whose holder's
/// process is known to be gone, is taken over by a guarded UPDATE that replaces <see cref="HolderToken"/> only if it is
/// still the dead holder's: one taker, and a live holder is never overlapped (see SettlementService).
/// </remarks>
public class QfPaySettlementClaim : BaseEntity, IClaimRow
{
    public const int HolderTokenMaxLength = 100;

    /// <summary>e.g. <c>order:10025</c>; see <c>SettlementClaimKeys</c>.</summary>
    public string ClaimKey { get; set; } = string.Empty;

    public int OrderId { get; set; }

    public int AttemptId { get; set; }

    public string Syssn { get; set; } = string.Empty;

    /// <summary>When the holder took or last renewed the claim: the lease runs from here.</summary>
    public DateTime ClaimedOnUtc { get; set; }

    /// <summary>
    /// Who holds it: machine, process and a random part (see ClaimHolder). Null on rows written before version 1.1,
    /// which are only ever read.
    /// </summary>
    public string? HolderToken { get; set; }

    public DateTime? CompletedOnUtc { get; set; }

    public int OutcomeId { get; set; }

    public SettlementClaimOutcome Outcome
    {
        get => (SettlementClaimOutcome)OutcomeId;
        set => OutcomeId = (int)value;
    }
}

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

/// <summary>A row whose unique <see cref="ClaimKey"/> makes its INSERT a lock that works across web nodes.</summary>
public interface IClaimRow
{
    string ClaimKey { get; }
}
