using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// A piece of refund or reconciliation work that only one web node may do (table QfPayWorkClaim). Whoever INSERTs
/// the row with a given <see cref="ClaimKey"/> (unique index) does the work; every other node gets a unique-key
/// violation and leaves it. Like the settlement claim, the database is the guarantee; nopCommerce's ILocker, which a
/// web farm implements as check-then-set (docs/nopcommerce.md Appendix C), only saves effort.
/// </summary>
public class QfPayWorkClaim : BaseEntity, IClaimRow
{
    public const int ClaimKeyMaxLength = 100;

    /// <summary>e.g. <c>query-attempt:42#7</c>; see <c>WorkClaimKeys</c>.</summary>
    public string ClaimKey { get; set; } = string.Empty;

    public int KindId { get; set; }

    /// <summary>The attempt or refund the work is about (see <see cref="WorkClaimKind"/>).</summary>
    public int SubjectId { get; set; }

    /// <summary>For repeated work (queries): 1, 2, 3, ... per subject; the next one is the latest + 1.</summary>
    public int Sequence { get; set; }

    public DateTime ClaimedOnUtc { get; set; }

    public WorkClaimKind Kind
    {
        get => (WorkClaimKind)KindId;
        set => KindId = (int)value;
    }
}

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
