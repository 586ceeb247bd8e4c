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
