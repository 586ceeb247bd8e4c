using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary><see cref="IWorkClaimStore"/> in memory with the unique index on ClaimKey: of concurrent inserts of one key exactly one wins.</summary>
public sealed class InMemoryWorkClaimStore : IWorkClaimStore
{
    private readonly InMemoryClaimTable<QfPayWorkClaim> _table = new();

    /// <summary>How many inserts lost to the unique index.</summary>
    public int DuplicateInserts => _table.DuplicateInserts;

    public IReadOnlyList<QfPayWorkClaim> All => _table.All;

    public Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default) =>
        Task.FromResult(_table.TryInsert(claim));

    public Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_table.Find(claimKey));

    public Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_table.First(c => c.Kind == kind && c.SubjectId == subjectId, static claims => claims.OrderByDescending(static c => c.Sequence)));

    public Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(_table.RemoveWhere(c => c.Kind is WorkClaimKind.QueryAttempt or WorkClaimKind.QueryRefund && c.ClaimedOnUtc < claimedBeforeUtc));
}
