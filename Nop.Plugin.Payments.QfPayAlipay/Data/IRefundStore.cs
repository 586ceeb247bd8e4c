using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Persistence of refunds; the database enforces one row per out_trade_no and per payment + sequence.</summary>
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

    /// <summary>Writes every column of the row (last writer wins): read it fresh just before changing it.</summary>
    Task UpdateAsync(QfPayRefund refund, CancellationToken cancellationToken = default);
}
