using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// <see cref="IRefundStore"/> in memory with the table's two unique indexes (out_trade_no without regard to case;
/// payment + sequence), snapshots on read, and guarded changes that happen atomically only when the stored status allows
/// them, like the database's guarded UPDATE. Every status a row held is kept in <see cref="StatusHistory"/>.
/// </summary>
public sealed class InMemoryRefundStore : IRefundStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, QfPayRefund> _rows = [];
    private int _lastId;
    private readonly List<(int RefundId, RefundStatus Status)> _history = [];

    public bool IsDown { get; set; }

    public IReadOnlyList<QfPayRefund> All
    {
        get
        {
            lock (_gate)
                return _rows.Values.OrderBy(static r => r.Id).Select(RowCopy.Of).ToList();
        }
    }

    /// <summary>Every status each row held, in the order they were written.</summary>
    public IReadOnlyList<(int RefundId, RefundStatus Status)> StatusHistory
    {
        get
        {
            lock (_gate)
                return _history.ToList();
        }
    }

    public Task<UniqueInsert> InsertAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        if (IsDown)
            return Task.FromResult(UniqueInsert.Failed);

        lock (_gate)
        {
            if (_rows.Values.Any(r => string.Equals(r.OutTradeNo, refund.OutTradeNo, StringComparison.OrdinalIgnoreCase)
                || (r.PaymentAttemptId == refund.PaymentAttemptId && r.Sequence == refund.Sequence)))
            {
                return Task.FromResult(UniqueInsert.Duplicate);
            }

            refund.Id = ++_lastId;
            _rows[refund.Id] = RowCopy.Of(refund);
            _history.Add((refund.Id, refund.Status));
            return Task.FromResult(UniqueInsert.Inserted);
        }
    }

    public Task<QfPayRefund?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default) =>
        Task.FromResult(Where(r => string.Equals(r.OutTradeNo, outTradeNo?.Trim(), StringComparison.OrdinalIgnoreCase)).FirstOrDefault());

    public Task<QfPayRefund?> FindByRefundSyssnAsync(string refundSyssn, CancellationToken cancellationToken = default) =>
        Task.FromResult(string.IsNullOrWhiteSpace(refundSyssn) ? null : Where(r => string.Equals(r.RefundSyssn, refundSyssn.Trim(), StringComparison.Ordinal)).FirstOrDefault());

    public Task<IReadOnlyList<QfPayRefund>> ListByPaymentAsync(int paymentAttemptId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QfPayRefund>>(Where(r => r.PaymentAttemptId == paymentAttemptId).OrderBy(static r => r.Sequence).ToList());

    public Task<IReadOnlyList<QfPayRefund>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QfPayRefund>>(Where(r => r.OrderId == orderId).ToList());

    public Task<IReadOnlyList<QfPayRefund>> ListPendingAsync(DateTime createdBeforeUtc, ListPosition? after, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QfPayRefund>>(Where(r => r.Status == RefundStatus.Pending && r.CreatedOnUtc < createdBeforeUtc)
            .Where(r => after is null || r.CreatedOnUtc > after.CreatedOnUtc || (r.CreatedOnUtc == after.CreatedOnUtc && r.Id > after.Id))
            .OrderBy(static r => r.CreatedOnUtc).ThenBy(static r => r.Id)
            .Take(take)
            .ToList());

    public Task<bool> TryChangeAsync(int refundId, RefundChange change, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (!_rows.TryGetValue(refundId, out var row) || !row.Status.CanMoveTo(change.Status))
                return Task.FromResult(false);

            var changed = RowCopy.Of(row);
            change.ApplyTo(changed);
            _rows[refundId] = changed;
            _history.Add((refundId, changed.Status));
            return Task.FromResult(true);
        }
    }

    public Task<bool> RecordAnswerAsync(int refundId, RefundAnswer answer, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (!_rows.TryGetValue(refundId, out var row) || row.Status != RefundStatus.Pending)
                return Task.FromResult(false);

            var changed = RowCopy.Of(row);
            changed.LastResponseCode = answer.ResponseCode ?? changed.LastResponseCode;
            changed.RefundSyssn = answer.RefundSyssn ?? changed.RefundSyssn;
            changed.LastMessage = answer.Message;
            changed.UpdatedOnUtc = answer.UpdatedOnUtc;
            _rows[refundId] = changed;
            return Task.FromResult(true);
        }
    }

    private List<QfPayRefund> Where(Func<QfPayRefund, bool> predicate)
    {
        ThrowIfDown();
        lock (_gate)
            return _rows.Values.Where(predicate).OrderBy(static r => r.Id).Select(RowCopy.Of).ToList();
    }

    private void ThrowIfDown()
    {
        if (IsDown)
            throw new TestDatabaseException("The test database is down.");
    }
}
