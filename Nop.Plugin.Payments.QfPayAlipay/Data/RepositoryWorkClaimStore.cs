using System.Data.Common;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary><see cref="IWorkClaimStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>: the INSERT is the lock.</summary>
public class RepositoryWorkClaimStore : IWorkClaimStore
{
    private readonly IRepository<QfPayWorkClaim> _repository;

    public RepositoryWorkClaimStore(IRepository<QfPayWorkClaim> repository)
    {
        _repository = repository;
    }

    public virtual async Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _repository.InsertAsync(claim, false);
            return UniqueInsert.Inserted;
        }
        catch (DbException)
        {
            return await UniqueKeyDecision.AfterFailedInsertAsync(() => FindAsync(claim.ClaimKey, cancellationToken));
        }
    }

    public virtual async Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await _repository.GetAllAsync(query => query.Where(c => c.ClaimKey == claimKey).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var kindId = (int)kind;
        var rows = await _repository.GetAllAsync(query => query
            .Where(c => c.KindId == kindId && c.SubjectId == subjectId)
            .OrderByDescending(c => c.Sequence)
            .Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int[] queryKinds = [(int)WorkClaimKind.QueryAttempt, (int)WorkClaimKind.QueryRefund];
        return await _repository.DeleteAsync(c => queryKinds.Contains(c.KindId) && c.ClaimedOnUtc < claimedBeforeUtc);
    }
}
