using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// <see cref="ISettlementClaimStore"/> in memory with the unique index on ClaimKey (case-insensitive, like the
/// databases nopCommerce runs on): of any number of concurrent inserts of one key exactly one succeeds.
/// </summary>
public sealed class InMemorySettlementClaimStore : ISettlementClaimStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QfPaySettlementClaim> _rows = new(StringComparer.OrdinalIgnoreCase);
    private int _lastId;

    public bool IsDown { get; set; }

    /// <summary>How many inserts lost to the unique index.</summary>
    public int DuplicateInserts { get; private set; }

    public IReadOnlyList<QfPaySettlementClaim> All
    {
        get
        {
            lock (_gate)
                return _rows.Values.OrderBy(static c => c.Id).Select(RowCopy.Of).ToList();
        }
    }

    public Task<UniqueInsert> TryInsertAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        if (IsDown)
            return Task.FromResult(UniqueInsert.Failed);

        lock (_gate)
        {
            if (_rows.ContainsKey(claim.ClaimKey))
            {
                DuplicateInserts++;
                return Task.FromResult(UniqueInsert.Duplicate);
            }

            claim.Id = ++_lastId;
            _rows[claim.ClaimKey] = RowCopy.Of(claim);
            return Task.FromResult(UniqueInsert.Inserted);
        }
    }

    public Task<QfPaySettlementClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
            return Task.FromResult(_rows.TryGetValue(claimKey, out var claim) ? RowCopy.Of(claim) : null);
    }

    public Task UpdateAsync(QfPaySettlementClaim claim, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
            _rows[claim.ClaimKey] = RowCopy.Of(claim);
        return Task.CompletedTask;
    }

    /// <summary>Puts a claim in directly, e.g. one left open by a web node that crashed.</summary>
    public QfPaySettlementClaim Seed(QfPaySettlementClaim claim)
    {
        lock (_gate)
        {
            claim.Id = ++_lastId;
            _rows[claim.ClaimKey] = RowCopy.Of(claim);
        }

        return claim;
    }

    private void ThrowIfDown()
    {
        if (IsDown)
            throw new TestDatabaseException("The test database is down.");
    }
}
