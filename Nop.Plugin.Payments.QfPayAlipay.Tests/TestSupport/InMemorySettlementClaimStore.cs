using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// <see cref="ISettlementClaimStore"/> in memory with the unique index on ClaimKey (case-insensitive, like the
/// databases nopCommerce runs on): of any number of concurrent inserts of one key exactly one succeeds.
/// </summary>
public sealed class InMemorySettlementClaimStore : ISettlementClaimStore
{
    private readonly InMemoryClaimTable<QfPaySettlementClaim> _table = new();

    public bool IsDown { get; set; }

    /// <summary>How many inserts lost to the unique index.</summary>
    public int DuplicateInserts => _table.DuplicateInserts;

    public IReadOnlyList<QfPaySettlementClaim> All => _table.All;

    public Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsDown ? UniqueInsert.Failed : _table.TryInsert(claim));

    public Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_table.Find(claimKey));
    }

    public Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_table.TryChange(claimId, c => c.HolderToken == holderToken && c.CompletedOnUtc is null, c => c.ClaimedOnUtc = nowUtc));
    }

    public Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_table.TryChange(claimId,
            c => c.HolderToken == goneHolderToken && c.CompletedOnUtc is null && c.ClaimedOnUtc < leaseStartedBeforeUtc,
            c =>
            {
                c.HolderToken = takeover.TakerToken;
                c.ClaimedOnUtc = takeover.NowUtc;
                c.AttemptId = takeover.AttemptId;
                c.Syssn = takeover.Syssn;
            }));
    }

    public Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_table.RemoveWhere(c => c.Id == claimId && c.HolderToken == holderToken && c.CompletedOnUtc is null) > 0);
    }

    public Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_table.TryChange(claimId, c => c.HolderToken == holderToken && c.CompletedOnUtc is null, c =>
        {
            c.CompletedOnUtc = completion.NowUtc;
            c.Outcome = completion.Outcome;
            c.AttemptId = completion.AttemptId;
            c.Syssn = completion.Syssn;
        }));
    }

    /// <summary>Puts a claim in directly, e.g. one left open by a web node that crashed.</summary>
    public QfPaySettlementClaim Seed(QfPaySettlementClaim claim) => _table.Seed(claim);

    /// <summary>
    /// Puts in the claim on <paramref name="attempt"/>'s order, as another web node (holder <paramref name="holderToken"/>)
    /// took it at <paramref name="claimedOnUtc"/> and has not finished (still at it, or crashed).
    /// </summary>
    public QfPaySettlementClaim SeedOpenClaim(QfPayPaymentAttempt attempt, DateTime claimedOnUtc, string holderToken = "another-node/1/1/AB") => Seed(new QfPaySettlementClaim
    {
        ClaimKey = SettlementClaimKeys.Order(attempt.OrderId),
        OrderId = attempt.OrderId,
        AttemptId = attempt.Id,
        Syssn = attempt.Syssn!,
        ClaimedOnUtc = claimedOnUtc,
        HolderToken = holderToken,
    });

    private void ThrowIfDown()
    {
        if (IsDown)
            throw new TestDatabaseException("The test database is down.");
    }
}
