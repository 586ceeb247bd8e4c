using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>
/// Decides which web node may query an attempt (or refund) now, so that runs on several nodes at once query each at
/// most once per interval.
/// </summary>
/// <remarks>
/// The latest claim of a subject is its "last queried on". A node that finds it older than the interval INSERTs the
/// next one, <c>query-attempt:&lt;id&gt;#&lt;latest + 1&gt;</c>; the unique index lets exactly one node succeed,
/// because every node that read the same latest claim tries the same key, and a node that read an older one tries a
/// key that already exists. It is the conditional update "set LastQueriedOnUtc = now where LastQueriedOnUtc = what
/// I read" done as an insert, which nopCommerce's repository can express on every database; and nothing has to be
/// written back afterwards, so a node dying after its claim only delays that subject by one interval.
/// </remarks>
public class QueryClaims
{
    private readonly IWorkClaimStore _claims;
    private readonly TimeProvider _timeProvider;

    public QueryClaims(IWorkClaimStore claims, TimeProvider timeProvider)
    {
        _claims = claims;
        _timeProvider = timeProvider;
    }

    /// <summary>True when this caller may query <paramref name="subjectId"/> now (and has recorded that it does).</summary>
    public virtual async Task<bool> TryClaimAsync(WorkClaimKind kind, int subjectId, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var latest = await _claims.LatestAsync(kind, subjectId, cancellationToken);
        if (latest is not null && now - DateTime.SpecifyKind(latest.ClaimedOnUtc, DateTimeKind.Utc) < interval)
            return false;

        var sequence = (latest?.Sequence ?? 0) + 1;
        var claim = new QfPayWorkClaim
        {
            ClaimKey = WorkClaimKeys.Query(kind, subjectId, sequence),
            Kind = kind,
            SubjectId = subjectId,
            Sequence = sequence,
            ClaimedOnUtc = now,
        };
        return await _claims.TryInsertAsync(claim, cancellationToken) == UniqueInsert.Inserted;
    }

    /// <summary>When <paramref name="subjectId"/> was last claimed for a query, or null.</summary>
    public virtual async Task<DateTime?> LastClaimedAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default) =>
        (await _claims.LatestAsync(kind, subjectId, cancellationToken))?.ClaimedOnUtc;
}
