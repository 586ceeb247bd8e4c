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

    public Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        _table.Update(claim);
        return Task.CompletedTask;
    }

    /// <summary>Puts a claim in directly, e.g. one left open by a web node that crashed.</summary>
    public QfPaySettlementClaim Seed(QfPaySettlementClaim claim) => _table.Seed(claim);

    /// <summary>
    /// Puts in the claim on <paramref name="attempt"/>'s first settlement, as another web node took it at
    /// <paramref name="claimedOnUtc"/> and has not finished (still at it, or crashed).
    /// </summary>
    public QfPaySettlementClaim SeedOpenClaim(QfPayPaymentAttempt attempt, DateTime claimedOnUtc) => Seed(new QfPaySettlementClaim
    {
        ClaimKey = SettlementClaimKeys.Payment(attempt.Syssn!, 1),
        OrderId = attempt.OrderId,
        AttemptId = attempt.Id,
        Syssn = attempt.Syssn!,
        ClaimedOnUtc = claimedOnUtc,
    });

    private void ThrowIfDown()
    {
        if (IsDown)
            throw new TestDatabaseException("The test database is down.");
    }
}
