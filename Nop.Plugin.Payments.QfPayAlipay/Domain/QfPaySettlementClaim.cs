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
