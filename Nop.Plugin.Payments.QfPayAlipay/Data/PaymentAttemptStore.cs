using System.Data.Common;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Persistence of payment attempts; the database enforces one attempt per out_trade_no and one per order and number. There is no whole-row update:
/// a status changes only through <see cref="TryChangeAsync"/>, which moves it forward or not at all.
/// </summary>
public interface IPaymentAttemptStore
{
    /// <summary>
    /// Inserts <paramref name="attempt"/> (its Id is set when <see cref="UniqueInsert.Inserted"/>);
    /// <see cref="UniqueInsert.Duplicate"/> when its out_trade_no, or its order and attempt number, are taken.
    /// </summary>
    Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default);

    Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default);

    Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default);

    /// <summary>The order's attempts, oldest first.</summary>
    Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves attempt <paramref name="attemptId"/> to <see cref="AttemptChange.Status"/> and writes the change's columns,
    /// in one guarded UPDATE, if and only if its stored status comes before that one
    /// (<see cref="PaymentAttemptStatuses.CanMoveTo"/>). False when another request got there first (or the row is gone).
    /// </summary>
    Task<bool> TryChangeAsync(int attemptId, AttemptChange change, CancellationToken cancellationToken = default);

    /// <summary>Records when QFPay was last asked about the attempt; writes that column only.</summary>
    Task RecordQueriedAsync(int attemptId, DateTime queriedOnUtc, CancellationToken cancellationToken = default);
}

/// <summary>A forward move of an attempt and what to record with it. A null Syssn, PayUrl or code keeps the stored one.</summary>
public sealed record AttemptChange(PaymentAttemptStatus Status, string? LastMessage, DateTime UpdatedOnUtc)
{
    public string? Syssn { get; init; }

    public string? PayUrl { get; init; }

    public string? LastResponseCode { get; init; }

    /// <summary>Applies the change to a copy the caller holds, after the store accepted it.</summary>
    public void ApplyTo(QfPayPaymentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        attempt.Status = Status;
        attempt.Syssn = Syssn ?? attempt.Syssn;
        attempt.PayUrl = PayUrl ?? attempt.PayUrl;
        attempt.LastResponseCode = LastResponseCode ?? attempt.LastResponseCode;
        attempt.LastMessage = LastMessage;
        attempt.UpdatedOnUtc = UpdatedOnUtc;
    }
}

/// <summary>
/// <see cref="IPaymentAttemptStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/> for inserts and reads (no
/// caching: attempts change under concurrent requests, and a cached row would hide that), and guarded UPDATEs through
/// <see cref="ConditionalUpdate"/> for every change.
/// </summary>
public class RepositoryPaymentAttemptStore : IPaymentAttemptStore
{
    private readonly IRepository<QfPayPaymentAttempt> _repository;
    private readonly ConditionalUpdate _update;

    public RepositoryPaymentAttemptStore(IRepository<QfPayPaymentAttempt> repository, ConditionalUpdate update)
    {
        _repository = repository;
        _update = update;
    }

    public virtual async Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _repository.InsertAsync(attempt, false);
            return UniqueInsert.Inserted;
        }
        catch (DbException)
        {
            // Each provider reports a unique violation with its own exception type and code; asking whether the key
            // exists now tells a duplicate from any other failure.
            return await UniqueKeyDecision.AfterFailedInsertAsync(async () =>
                await FindByOutTradeNoAsync(attempt.OutTradeNo, cancellationToken)
                ?? (await ListByOrderAsync(attempt.OrderId, cancellationToken)).FirstOrDefault(a => a.AttemptNumber == attempt.AttemptNumber));
        }
    }

    public virtual async Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(outTradeNo))
            return null;

        var key = outTradeNo.Trim();
        var rows = await _repository.GetAllAsync(query => query.Where(a => a.OutTradeNo == key).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(syssn))
            return null;

        var key = syssn.Trim();
        var rows = await _repository.GetAllAsync(query => query.Where(a => a.Syssn == key).OrderBy(a => a.Id).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await _repository.GetAllAsync(query => query.Where(a => a.OrderId == orderId).OrderBy(a => a.Id));
        return rows.ToList();
    }

    public virtual Task<bool> TryChangeAsync(int attemptId, AttemptChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var update = RowUpdate.Of<QfPayPaymentAttempt>(attemptId)
            .Set(nameof(QfPayPaymentAttempt.StatusId), (int)change.Status)
            .Set(nameof(QfPayPaymentAttempt.LastMessage), change.LastMessage)
            .Set(nameof(QfPayPaymentAttempt.UpdatedOnUtc), change.UpdatedOnUtc);
        if (change.Syssn is not null)
            update.Set(nameof(QfPayPaymentAttempt.Syssn), change.Syssn);
        if (change.PayUrl is not null)
            update.Set(nameof(QfPayPaymentAttempt.PayUrl), change.PayUrl);
        if (change.LastResponseCode is not null)
            update.Set(nameof(QfPayPaymentAttempt.LastResponseCode), change.LastResponseCode);

        update.WhereIn(nameof(QfPayPaymentAttempt.StatusId), PaymentAttemptStatuses.Before(change.Status).Select(static s => (int)s));
        return _update.ApplyAsync(update, cancellationToken);
    }

    public virtual Task RecordQueriedAsync(int attemptId, DateTime queriedOnUtc, CancellationToken cancellationToken = default) =>
        _update.ApplyAsync(RowUpdate.Of<QfPayPaymentAttempt>(attemptId).Set(nameof(QfPayPaymentAttempt.LastQueriedOnUtc), queriedOnUtc), cancellationToken);
}
