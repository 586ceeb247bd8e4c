using System.Globalization;
using System.Linq.Expressions;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Persistence of work claims; the database enforces one holder per claim key.</summary>
public interface IWorkClaimStore
{
    /// <summary>Tries to take the claim; <see cref="UniqueInsert.Duplicate"/> means another node holds (or held) it.</summary>
    Task<UniqueInsert> TryInsertAsync(QfPayWorkClaim claim, CancellationToken cancellationToken = default);

    Task<QfPayWorkClaim?> FindAsync(string claimKey, CancellationToken cancellationToken = default);

    /// <summary>The claim of <paramref name="kind"/> about <paramref name="subjectId"/> with the highest sequence, or null.</summary>
    Task<QfPayWorkClaim?> LatestAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default);

    /// <summary>Deletes query claims taken before <paramref name="claimedBeforeUtc"/>; returns how many.</summary>
    Task<int> PruneQueriesAsync(DateTime claimedBeforeUtc, CancellationToken cancellationToken = default);
}

/// <summary>The once-only claims: one row per key, so whatever the key stands for happens once on any number of nodes.</summary>
public static class OnceOnlyClaims
{
    /// <summary>Takes the claim <paramref name="claimKey"/> (sequence 1) about <paramref name="subjectId"/>.</summary>
    public static Task<UniqueInsert> ClaimOnceAsync(this IWorkClaimStore claims, string claimKey, WorkClaimKind kind, int subjectId,
        DateTime claimedOnUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims.TryInsertAsync(new QfPayWorkClaim
        {
            ClaimKey = claimKey,
            Kind = kind,
            SubjectId = subjectId,
            Sequence = 1,
            ClaimedOnUtc = claimedOnUtc,
        }, cancellationToken);
    }
}

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

/// <summary>Keys of <see cref="QfPayWorkClaim"/>: kind, subject and, for repeated work, a sequence. All fit in 100 characters.</summary>
public static class WorkClaimKeys
{
    /// <summary>The <paramref name="sequence"/>-th query of an attempt or refund.</summary>
    public static string Query(WorkClaimKind kind, int subjectId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(kind)}:{subjectId}#{sequence}");

    /// <summary>Recording refund <paramref name="refundId"/> on its order; there is only ever one.</summary>
    public static string RecordRefund(int refundId) =>
        string.Create(CultureInfo.InvariantCulture, $"record-refund:{refundId}");

    /// <summary>Refund <paramref name="refundId"/> is on its order: written after the record itself.</summary>
    public static string RefundRecorded(int refundId) =>
        string.Create(CultureInfo.InvariantCulture, $"refund-recorded:{refundId}");

    /// <summary>The admin was told to check refund <paramref name="refundId"/>, whose recording stopped half-way.</summary>
    public static string RefundToCheck(int refundId) =>
        string.Create(CultureInfo.InvariantCulture, $"refund-to-check:{refundId}");

    /// <summary>The note about a refund QFPay made outside nopCommerce, by its syssn (at most 40 characters, docs/qfpay-protocol.md §4.4).</summary>
    public static string ExternalRefund(string refundSyssn) => $"external-refund:{refundSyssn.Trim()}";

    /// <summary>The note that QFPay flags payment <paramref name="paymentSyssn"/> refunded (cancel 3 or 5) beyond our own refunds.</summary>
    public static string ExternalRefundFlag(string paymentSyssn, string cancel) => $"external-refund-flag:{paymentSyssn.Trim()}#{cancel.Trim()}";

    /// <summary>The note about a refund notification that contradicts our record, by the notification's syssn.</summary>
    public static string RefundMismatch(string refundSyssn) => $"refund-mismatch:{refundSyssn.Trim()}";

    private static string Prefix(WorkClaimKind kind) => kind switch
    {
        WorkClaimKind.QueryAttempt => "query-attempt",
        WorkClaimKind.QueryRefund => "query-refund",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only queries are repeated work."),
    };
}
