using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Persistence of payment attempts; the database enforces one attempt per out_trade_no.</summary>
public interface IPaymentAttemptStore
{
    /// <summary>Inserts <paramref name="attempt"/> (its Id is set when <see cref="UniqueInsert.Inserted"/>).</summary>
    Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default);

    Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default);

    Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default);

    /// <summary>The order's attempts, oldest first.</summary>
    Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default);

    /// <summary>Writes every column of the row (last writer wins): read it fresh just before changing it.</summary>
    Task UpdateAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default);
}
