using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// The database failing between "claimed" and "done": after a claim is inserted, the next
/// <paramref name="failedWrites"/> completions of a claim (once the order is marked paid, and the holder's second try)
/// throw, as a dropped connection would. Later writes work.
/// </summary>
public sealed class ThrowOnceAfterClaimStore(ISettlementClaimStore inner, int failedWrites = 1) : ISettlementClaimStore
{
    private readonly int _failedWrites = failedWrites;
    private int _armed;
    private int _failuresLeft = failedWrites;

    public bool HasThrown => Volatile.Read(ref _failuresLeft) < _failedWrites;

    public async Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        var inserted = await inner.TryInsertAsync(claim, cancellationToken);
        if (inserted == UniqueInsert.Inserted)
            Volatile.Write(ref _armed, 1);
        return inserted;
    }

    public Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default) => inner.FindAsync(claimKey, cancellationToken);

    public Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        inner.TryRenewAsync(claimId, holderToken, nowUtc, cancellationToken);

    public Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
        CancellationToken cancellationToken = default) => inner.TryTakeOverAsync(claimId, goneHolderToken, leaseStartedBeforeUtc, takeover, cancellationToken);

    public Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default) =>
        inner.TryReleaseAsync(claimId, holderToken, cancellationToken);

    public Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default)
    {
        ThrowIfArmed();
        return inner.TryCompleteAsync(claimId, holderToken, completion, cancellationToken);
    }

    private void ThrowIfArmed()
    {
        if (Volatile.Read(ref _armed) == 1 && Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new TestDatabaseException("connection lost while completing the settlement claim");
    }
}
