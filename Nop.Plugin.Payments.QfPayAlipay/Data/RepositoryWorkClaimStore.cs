using System.Linq.Expressions;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary><see cref="IWorkClaimStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>: the INSERT is the lock.</summary>
public class RepositoryWorkClaimStore : RepositoryClaimStore<QfPayWorkClaim>, IWorkClaimStore
{
    public RepositoryWorkClaimStore(IRepository<QfPayWorkClaim> repository)
        : base(repository)
    {
    }

    protected override Expression<Func<QfPayWorkClaim, bool>> HasKey(string claimKey) => c => c.ClaimKey == claimKey;

    public virtual async Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var kindId = (int)kind;
        var rows = await Repository.GetAllAsync(query => query
            .Where(c => c.KindId == kindId && c.SubjectId == subjectId)
            .OrderByDescending(c => c.Sequence)
            .Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int[] queryKinds = [(int)WorkClaimKind.QueryAttempt, (int)WorkClaimKind.QueryRefund];
        return await Repository.DeleteAsync(c => queryKinds.Contains(c.KindId) && c.ClaimedOnUtc < claimedBeforeUtc);
    }
}
