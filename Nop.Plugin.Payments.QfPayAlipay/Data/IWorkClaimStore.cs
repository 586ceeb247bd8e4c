using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Persistence of work claims; the database enforces one holder per claim key.</summary>
public interface IWorkClaimStore
{
    /// <summary>Tries to take the claim; <see cref="UniqueInsert.Duplicate"/> means another node holds (or held) it.</summary>
    Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default);

    Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default);

    /// <summary>The claim of <paramref name="kind"/> about <paramref name="subjectId"/> with the highest sequence, or null.</summary>
    Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default);

    /// <summary>Deletes query claims taken before <paramref name="claimedBeforeUtc"/>; returns how many.</summary>
    Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default);
}
