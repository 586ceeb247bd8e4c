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
