using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary><see cref="IWorkClaimStore"/> in memory with the unique index on ClaimKey: of concurrent inserts of one key exactly one wins.</summary>
public sealed class InMemoryWorkClaimStore : IWorkClaimStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QfPayWorkClaim> _rows = new(StringComparer.OrdinalIgnoreCase);
    private int _lastId;

    /// <summary>How many inserts lost to the unique index.</summary>
    public int DuplicateInserts { get; private set; }

    public IReadOnlyList<QfPayWorkClaim> All
    {
        get
        {
            lock (_gate)
                return _rows.Values.OrderBy(static c => c.Id).Select(RowCopy.Of).ToList();
        }
    }

    public Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default)
    {
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

    public Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_rows.TryGetValue(claimKey, out var claim) ? RowCopy.Of(claim) : null);
    }

    public Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.Values.Where(c => c.Kind == kind && c.SubjectId == subjectId)
                .OrderByDescending(static c => c.Sequence).Select(RowCopy.Of).FirstOrDefault());
        }
    }

    public Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var old = _rows.Values.Where(c => c.Kind is WorkClaimKind.QueryAttempt or WorkClaimKind.QueryRefund && c.ClaimedOnUtc < claimedBeforeUtc)
                .Select(static c => c.ClaimKey).ToList();
            foreach (var key in old)
                _rows.Remove(key);
            return Task.FromResult(old.Count);
        }
    }
}
