using System.Data.Common;
using Nop.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Persistence of refunds; the database enforces one row per out_trade_no and per payment + sequence. A status changes
/// only forward, through guarded UPDATEs (<see cref="TryChangeAsync"/>), never by writing back a copy read earlier.
/// </summary>
public interface IRefundStore
{
    /// <summary>Inserts <paramref name="refund"/>; <see cref="UniqueInsert.Duplicate"/> when its number or sequence is taken.</summary>
    Task<UniqueInsert> InsertAsync(QfPayRefund refund, CancellationToken cancellationToken = default);

    Task<QfPayRefund?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default);

    /// <summary>The refund QFPay numbered <paramref name="refundSyssn"/>, once that number is known.</summary>
    Task<QfPayRefund?> FindByRefundSyssnAsync(string refundSyssn, CancellationToken cancellationToken = default);

    /// <summary>The refunds of one paid attempt, by sequence.</summary>
    Task<IReadOnlyList<QfPayRefund>> ListByPaymentAsync(int paymentAttemptId, CancellationToken cancellationToken = default);

    /// <summary>The refunds of one order, oldest first.</summary>
    Task<IReadOnlyList<QfPayRefund>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default);

    /// <summary>Pending refunds created before <paramref name="createdBeforeUtc"/>, oldest first, after <paramref name="after"/> (keyset paging).</summary>
    Task<IReadOnlyList<QfPayRefund>> ListPendingAsync(DateTime createdBeforeUtc, ListPosition? after, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves refund <paramref name="refundId"/> to <see cref="RefundChange.Status"/> if its stored status comes before that
    /// one (<see cref="RefundStatuses.CanMoveTo"/>); false when another request got there first.
    /// </summary>
    Task<bool> TryChangeAsync(int refundId, RefundChange change, CancellationToken cancellationToken = default);

    /// <summary>Records what QFPay answered about a refund that is still pending (code, its syssn, a message); false once it is not.</summary>
    Task<bool> RecordAnswerAsync(int refundId, RefundAnswer answer, CancellationToken cancellationToken = default);
}

/// <summary>A forward move of a refund. A null syssn or code keeps the stored one.</summary>
public sealed record RefundChange(RefundStatus Status, string? LastMessage, DateTime UpdatedOnUtc)
{
    public string? RefundSyssn { get; init; }

    public string? LastResponseCode { get; init; }

    public void ApplyTo(QfPayRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        refund.Status = Status;
        refund.RefundSyssn = RefundSyssn ?? refund.RefundSyssn;
        refund.LastResponseCode = LastResponseCode ?? refund.LastResponseCode;
        refund.LastMessage = LastMessage;
        refund.UpdatedOnUtc = UpdatedOnUtc;
    }
}

/// <summary>What QFPay said about a refund that did not settle it. A null syssn or code keeps the stored one.</summary>
public sealed record RefundAnswer(string? ResponseCode, string? RefundSyssn, string Message, DateTime UpdatedOnUtc);

/// <summary>
/// <see cref="IRefundStore"/> on nopCommerce's <see cref="IRepository{TEntity}"/>, uncached (refunds change under
/// concurrent requests), with every change a guarded UPDATE through <see cref="ConditionalUpdate"/>.
/// </summary>
public class RepositoryRefundStore : IRefundStore
{
    private readonly IRepository<QfPayRefund> _repository;
    private readonly ConditionalUpdate _update;

    public RepositoryRefundStore(IRepository<QfPayRefund> repository, ConditionalUpdate update)
    {
        _repository = repository;
        _update = update;
    }

    public virtual async Task<UniqueInsert> InsertAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _repository.InsertAsync(refund, false);
            return UniqueInsert.Inserted;
        }
        catch (DbException)
        {
            // Either unique index may have refused it: the number, or the payment's sequence (a concurrent refund).
            return await UniqueKeyDecision.AfterFailedInsertAsync(async () =>
                await FindByOutTradeNoAsync(refund.OutTradeNo, cancellationToken)
                ?? (await ListByPaymentAsync(refund.PaymentAttemptId, cancellationToken)).FirstOrDefault(r => r.Sequence == refund.Sequence));
        }
    }

    public virtual async Task<QfPayRefund?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(outTradeNo))
            return null;

        var key = outTradeNo.Trim();
        var rows = await _repository.GetAllAsync(query => query.Where(r => r.OutTradeNo == key).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<QfPayRefund?> FindByRefundSyssnAsync(string refundSyssn, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(refundSyssn))
            return null;

        var key = refundSyssn.Trim();
        var rows = await _repository.GetAllAsync(query => query.Where(r => r.RefundSyssn == key).OrderBy(r => r.Id).Take(1));
        return rows.FirstOrDefault();
    }

    public virtual async Task<IReadOnlyList<QfPayRefund>> ListByPaymentAsync(int paymentAttemptId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await _repository.GetAllAsync(query => query.Where(r => r.PaymentAttemptId == paymentAttemptId).OrderBy(r => r.Sequence));
        return rows.ToList();
    }

    public virtual async Task<IReadOnlyList<QfPayRefund>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await _repository.GetAllAsync(query => query.Where(r => r.OrderId == orderId).OrderBy(r => r.Id));
        return rows.ToList();
    }

    public virtual async Task<IReadOnlyList<QfPayRefund>> ListPendingAsync(DateTime createdBeforeUtc, ListPosition? after, int take,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = (int)RefundStatus.Pending;
        var afterTime = after?.CreatedOnUtc ?? DateTime.MinValue;
        var afterId = after?.Id ?? 0;
        var rows = await _repository.GetAllAsync(query => query
            .Where(r => r.StatusId == pending && r.CreatedOnUtc < createdBeforeUtc)
            .Where(r => r.CreatedOnUtc > afterTime || (r.CreatedOnUtc == afterTime && r.Id > afterId))
            .OrderBy(r => r.CreatedOnUtc).ThenBy(r => r.Id)
            .Take(take));
        return rows.ToList();
    }

    public virtual Task<bool> TryChangeAsync(int refundId, RefundChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var update = RowUpdate.Of<QfPayRefund>(refundId)
            .Set(nameof(QfPayRefund.StatusId), (int)change.Status)
            .Set(nameof(QfPayRefund.LastMessage), change.LastMessage)
            .Set(nameof(QfPayRefund.UpdatedOnUtc), change.UpdatedOnUtc);
        if (change.RefundSyssn is not null)
            update.Set(nameof(QfPayRefund.RefundSyssn), change.RefundSyssn);
        if (change.LastResponseCode is not null)
            update.Set(nameof(QfPayRefund.LastResponseCode), change.LastResponseCode);

        update.WhereIn(nameof(QfPayRefund.StatusId), RefundStatuses.Before(change.Status).Select(static s => (int)s));
        return _update.ApplyAsync(update, cancellationToken);
    }

    public virtual Task<bool> RecordAnswerAsync(int refundId, RefundAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var update = RowUpdate.Of<QfPayRefund>(refundId)
            .Set(nameof(QfPayRefund.LastMessage), answer.Message)
            .Set(nameof(QfPayRefund.UpdatedOnUtc), answer.UpdatedOnUtc);
        if (answer.RefundSyssn is not null)
            update.Set(nameof(QfPayRefund.RefundSyssn), answer.RefundSyssn);
        if (answer.ResponseCode is not null)
            update.Set(nameof(QfPayRefund.LastResponseCode), answer.ResponseCode);

        update.WhereEquals(nameof(QfPayRefund.StatusId), (int)RefundStatus.Pending);
        return _update.ApplyAsync(update, cancellationToken);
    }
}
