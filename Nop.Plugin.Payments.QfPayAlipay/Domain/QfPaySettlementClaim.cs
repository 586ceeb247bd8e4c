using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// The exactly-once guarantee. Whoever manages to INSERT the row with a given <see cref="ClaimKey"/> (a unique
/// index) is the only one allowed to act on it; every other web node, thread or retry gets a unique-key violation.
/// A row that stays uncompleted for longer than the lease was left by a holder that died half-way; it is taken over
/// by inserting the next generation of the key (again unique, so again only one taker).
/// </summary>
public class QfPaySettlementClaim : BaseEntity, IClaimRow
{
    /// <summary>e.g. <c>payment:&lt;syssn&gt;#1</c>; see <c>SettlementClaimKeys</c>.</summary>
    public string ClaimKey { get; set; } = string.Empty;

    public int OrderId { get; set; }

    public int AttemptId { get; set; }

    public string Syssn { get; set; } = string.Empty;

    public DateTime ClaimedOnUtc { get; set; }

    public DateTime? CompletedOnUtc { get; set; }

    public int OutcomeId { get; set; }

    public SettlementClaimOutcome Outcome
    {
        get => (SettlementClaimOutcome)OutcomeId;
        set => OutcomeId = (int)value;
    }
}
