using System.Globalization;
using System.Linq.Expressions;
using Nop.Data;
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

/// <summary>
/// <see cref="ISettlementClaimStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>. The INSERT is the lock:
/// the unique index on ClaimKey lets exactly one web node, thread or retry win, whatever the cache or locker setup;
/// renewals, takeovers and completions are guarded UPDATEs (<see cref="ConditionalUpdate"/>).
/// </summary>
public class RepositorySettlementClaimStore : RepositoryClaimStore<QfPaySettlementClaim>, ISettlementClaimStore
{
    private readonly ConditionalUpdate _update;

    public RepositorySettlementClaimStore(IRepository<QfPaySettlementClaim> repository, ConditionalUpdate update)
        : base(repository)
    {
        _update = update;
    }

    protected override Expression<Func<QfPaySettlementClaim, bool>> HasKey(string claimKey) => c => c.ClaimKey == claimKey;

    public virtual Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        _update.ApplyAsync(RowUpdate.Of<QfPaySettlementClaim>(claimId)
            .Set(nameof(QfPaySettlementClaim.ClaimedOnUtc), nowUtc)
            .WhereEquals(nameof(QfPaySettlementClaim.HolderToken), holderToken)
            .WhereEquals(nameof(QfPaySettlementClaim.CompletedOnUtc), null), cancellationToken);

    public virtual Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(takeover);
        return _update.ApplyAsync(RowUpdate.Of<QfPaySettlementClaim>(claimId)
            .Set(nameof(QfPaySettlementClaim.HolderToken), takeover.TakerToken)
            .Set(nameof(QfPaySettlementClaim.ClaimedOnUtc), takeover.NowUtc)
            .Set(nameof(QfPaySettlementClaim.AttemptId), takeover.AttemptId)
            .Set(nameof(QfPaySettlementClaim.Syssn), takeover.Syssn)
            .WhereEquals(nameof(QfPaySettlementClaim.HolderToken), goneHolderToken)
            .WhereEquals(nameof(QfPaySettlementClaim.CompletedOnUtc), null)
            .WhereBefore(nameof(QfPaySettlementClaim.ClaimedOnUtc), leaseStartedBeforeUtc), cancellationToken);
    }

    public virtual async Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Repository.DeleteAsync(c => c.Id == claimId && c.HolderToken == holderToken && c.CompletedOnUtc == null) > 0;
    }

    public virtual Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return _update.ApplyAsync(RowUpdate.Of<QfPaySettlementClaim>(claimId)
            .Set(nameof(QfPaySettlementClaim.CompletedOnUtc), completion.NowUtc)
            .Set(nameof(QfPaySettlementClaim.OutcomeId), (int)completion.Outcome)
            .Set(nameof(QfPaySettlementClaim.AttemptId), completion.AttemptId)
            .Set(nameof(QfPaySettlementClaim.Syssn), completion.Syssn)
            .WhereEquals(nameof(QfPaySettlementClaim.HolderToken), holderToken)
            .WhereEquals(nameof(QfPaySettlementClaim.CompletedOnUtc), null), cancellationToken);
    }
}

/// <summary>Keys of <see cref="Domain.QfPaySettlementClaim"/> rows. A syssn is at most 40 characters, so every key fits.</summary>
public static class SettlementClaimKeys
{
    public const int MaxLength = 100;

    /// <summary>The prefix of <see cref="Order"/> keys (reconciliation lists abandoned ones by it).</summary>
    public const string OrderPrefix = "order:";

    /// <summary>
    /// The right to decide which QFPay payment pays order <paramref name="orderId"/>: one row per order ever, whatever
    /// the number of payments, entry points or web nodes (docs/money-invariants.md, "One order, one charge").
    /// </summary>
    public static string Order(int orderId) => string.Create(CultureInfo.InvariantCulture, $"{OrderPrefix}{orderId}");

    /// <summary>Writes the order note about a mismatching payment once, however often QFPay repeats it.</summary>
    public static string Mismatch(string syssn) => $"mismatch:{syssn.Trim()}";
}
