using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// <see cref="IRefundStore"/> in memory with the table's two unique indexes (out_trade_no without regard to case;
/// payment + sequence), snapshots on read and whole-row writes, like the database.
/// </summary>
public sealed class InMemoryRefundStore : IRefundStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, QfPayRefund> _rows = [];
    private int _lastId;

    public bool IsDown { get; set; }

    public IReadOnlyList<QfPayRefund> All
    {
        get
        {
            lock (_gate)
                return _rows.Values.OrderBy(static r => r.Id).Select(RowCopy.Of).ToList();
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

    public Task UpdateAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (!_rows.ContainsKey(refund.Id))
                throw new TestDatabaseException($"No refund row {refund.Id} to update.");
            _rows[refund.Id] = RowCopy.Of(refund);
        }

        return Task.CompletedTask;
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
