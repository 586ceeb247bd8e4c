using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Persistence of settlement claims; the database enforces one row per claim key (the exactly-once guarantee). Every
/// change after the INSERT is guarded by the holder's token, so only the holder renews or completes its claim and only
/// one taker replaces a holder that is gone.
/// </summary>
public interface ISettlementClaimStore
{
    /// <summary>Tries to take the claim; <see cref="UniqueInsert.Duplicate"/> means someone else holds (or held) it.</summary>
    Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default);

    Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default);

    /// <summary>Extends the holder's lease to <paramref name="nowUtc"/>; false when the claim is no longer this holder's (taken over or completed).</summary>
    Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces <paramref name="goneHolderToken"/> (null for rows of versions before 1.1) by <paramref name="takerToken"/>
    /// on an open claim, if the holder has not renewed since <paramref name="leaseStartedBeforeUtc"/>. The taker also
    /// becomes the claim's payment (syssn, attempt) until it learns otherwise. False when the holder renewed, completed
    /// or someone else took it over first.
    /// </summary>
    Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
        CancellationToken cancellationToken = default);

    /// <summary>Gives up an open claim this holder took but did not use (deletes it); false when it is no longer this holder's.</summary>
    Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default);

    /// <summary>Completes the holder's claim with what it did; false when it is no longer this holder's.</summary>
    Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default);
}

/// <summary>Who takes over an abandoned claim, and for which payment.</summary>
public sealed record ClaimTakeover(string TakerToken, int AttemptId, string Syssn, DateTime NowUtc);

/// <summary>How the holder leaves its claim: the outcome and the payment the order's state is now about.</summary>
public sealed record ClaimCompletion(SettlementClaimOutcome Outcome, int AttemptId, string Syssn, DateTime NowUtc);
