using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// The database failing between "claimed" and "done": after a claim is inserted, the next
/// <paramref name="failedWrites"/> writes to the claim table (completing it once the order is marked paid, then the
/// holder's release) throw, as a dropped connection would. Later writes work.
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

    public Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _armed) == 1 && Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new TestDatabaseException("connection lost while completing the settlement claim");
        return inner.UpdateAsync(claim, cancellationToken);
    }
}
