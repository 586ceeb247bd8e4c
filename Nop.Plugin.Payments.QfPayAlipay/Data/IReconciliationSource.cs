using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>What the reconciliation task works through: open payment attempts and abandoned settlements, oldest first.</summary>
public interface IReconciliationSource
{
    /// <summary>
    /// Attempts not yet final (created, awaiting payment, unknown) created between the two times, oldest first
    /// (creation time, then id), starting after <paramref name="after"/>. Keyset paging: attempts that become final
    /// while a run works through the list do not shift the pages.
    /// </summary>
    Task<IReadOnlyList<QfPayPaymentAttempt>> ListOpenAttemptsAsync(DateTime createdAfterUtc, DateTime createdBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// How many attempts not yet final were created after <paramref name="createdAfterUtc"/> in store
    /// <paramref name="storeId"/> (0: every store): those reconciliation leaves alone for now, so the configure page can
    /// say why "Run now" did not touch them.
    /// </summary>
    Task<int> CountOpenAttemptsAsync(DateTime createdAfterUtc, int storeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Payment settlement claims still open although taken between the two times (their holder died), oldest first,
    /// after <paramref name="after"/> (keyset paging by claim time and id).
    /// </summary>
    Task<IReadOnlyList<QfPaySettlementClaim>> ListAbandonedSettlementsAsync(DateTime claimedAfterUtc, DateTime claimedBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default);
}
