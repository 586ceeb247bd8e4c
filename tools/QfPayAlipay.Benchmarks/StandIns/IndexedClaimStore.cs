using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// The settlement claim table with its unique index on the claim key, without the tests' table-wide lock: of any number
/// of concurrent inserts of one key exactly one wins (TryAdd), as the database's index decides. Rows are kept as
/// <see cref="RowSnapshot"/> describes.
/// </summary>
public sealed class IndexedClaimStore : ISettlementClaimStore
{
    private ConcurrentDictionary<string, QfPaySettlementClaim> _rows = TableSize.New<string, QfPaySettlementClaim>(StringComparer.OrdinalIgnoreCase);
    private int _lastId;

    /// <summary>Forgets every row (between rounds, when no request is running).</summary>
    public void Reset() => _rows = TableSize.New<string, QfPaySettlementClaim>(StringComparer.OrdinalIgnoreCase);

    public Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        var row = RowSnapshot.Of(claim);
        row.Id = Interlocked.Increment(ref _lastId);
        if (!_rows.TryAdd(claim.ClaimKey, row))
            return Task.FromResult(UniqueInsert.Duplicate);

        claim.Id = row.Id;
        return Task.FromResult(UniqueInsert.Inserted);
    }

    public Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(claimKey, out var row) ? RowSnapshot.Of(row) : null);

    public Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        RowSnapshot.Overwrite(_rows.GetOrAdd(claim.ClaimKey, static (_, written) => RowSnapshot.Of(written), claim), claim);
        return Task.CompletedTask;
    }
}
