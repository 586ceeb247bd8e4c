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
    private ConcurrentDictionary<int, QfPaySettlementClaim> _byId = TableSize.New<int, QfPaySettlementClaim>();
    private int _lastId;

    /// <summary>Forgets every row (between rounds, when no request is running).</summary>
    public void Reset()
    {
        _rows = TableSize.New<string, QfPaySettlementClaim>(StringComparer.OrdinalIgnoreCase);
        _byId = TableSize.New<int, QfPaySettlementClaim>();
    }

    public Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        var row = RowSnapshot.Of(claim);
        row.Id = Interlocked.Increment(ref _lastId);
        if (!_rows.TryAdd(claim.ClaimKey, row))
            return Task.FromResult(UniqueInsert.Duplicate);

        _byId[row.Id] = row;
        claim.Id = row.Id;
        return Task.FromResult(UniqueInsert.Inserted);
    }

    public Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(claimKey, out var row) ? RowSnapshot.Of(row) : null);

    public Task<bool> TryRenewAsync(int claimId, string holderToken, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        Change(claimId, c => c.HolderToken == holderToken && c.CompletedOnUtc is null, c => c.ClaimedOnUtc = nowUtc);

    public Task<bool> TryTakeOverAsync(int claimId, string? goneHolderToken, DateTime leaseStartedBeforeUtc, ClaimTakeover takeover,
        CancellationToken cancellationToken = default) =>
        Change(claimId, c => c.HolderToken == goneHolderToken && c.CompletedOnUtc is null && c.ClaimedOnUtc < leaseStartedBeforeUtc, c =>
        {
            c.HolderToken = takeover.TakerToken;
            c.ClaimedOnUtc = takeover.NowUtc;
            c.AttemptId = takeover.AttemptId;
            c.Syssn = takeover.Syssn;
        });

    public Task<bool> TryReleaseAsync(int claimId, string holderToken, CancellationToken cancellationToken = default)
    {
        if (!_byId.TryGetValue(claimId, out var row))
            return Task.FromResult(false);

        lock (row)
        {
            if (row.HolderToken != holderToken || row.CompletedOnUtc is not null)
                return Task.FromResult(false);
        }

        return Task.FromResult(_rows.TryRemove(row.ClaimKey, out _) && _byId.TryRemove(claimId, out _));
    }

    public Task<bool> TryCompleteAsync(int claimId, string holderToken, ClaimCompletion completion, CancellationToken cancellationToken = default) =>
        Change(claimId, c => c.HolderToken == holderToken && c.CompletedOnUtc is null, c =>
        {
            c.CompletedOnUtc = completion.NowUtc;
            c.Outcome = completion.Outcome;
            c.AttemptId = completion.AttemptId;
            c.Syssn = completion.Syssn;
        });

    /// <summary>A guarded UPDATE of one row: under the row's lock, only if <paramref name="guard"/> holds.</summary>
    private Task<bool> Change(int claimId, Func<QfPaySettlementClaim, bool> guard, Action<QfPaySettlementClaim> change)
    {
        if (!_byId.TryGetValue(claimId, out var row))
            return Task.FromResult(false);

        lock (row)
        {
            if (!guard(row))
                return Task.FromResult(false);
            change(row);
        }

        return Task.FromResult(true);
    }
}
