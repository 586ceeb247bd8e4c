using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// The attempt table with the indexes a database has (out_trade_no, syssn, order id). The tests' in-memory table scans
/// every row, which is fine for a test and would make a benchmark of thousands of orders measure the scan. Rows are
/// kept as <see cref="RowSnapshot"/> describes.
/// </summary>
public sealed class IndexedAttemptStore : IPaymentAttemptStore
{
    private ConcurrentDictionary<string, QfPayPaymentAttempt> _byOutTradeNo = TableSize.New<string, QfPayPaymentAttempt>(StringComparer.OrdinalIgnoreCase);
    private ConcurrentDictionary<string, QfPayPaymentAttempt> _bySyssn = TableSize.New<string, QfPayPaymentAttempt>(StringComparer.OrdinalIgnoreCase);
    private ConcurrentDictionary<int, ConcurrentQueue<string>> _byOrder = TableSize.New<int, ConcurrentQueue<string>>();
    private ConcurrentDictionary<int, QfPayPaymentAttempt> _byId = TableSize.New<int, QfPayPaymentAttempt>();
    private int _lastId;

    /// <summary>Forgets every row (between rounds, when no request is running).</summary>
    public void Reset()
    {
        _byOutTradeNo = TableSize.New<string, QfPayPaymentAttempt>(StringComparer.OrdinalIgnoreCase);
        _bySyssn = TableSize.New<string, QfPayPaymentAttempt>(StringComparer.OrdinalIgnoreCase);
        _byOrder = TableSize.New<int, ConcurrentQueue<string>>();
        _byId = TableSize.New<int, QfPayPaymentAttempt>();
    }

    public Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        attempt.Id = Interlocked.Increment(ref _lastId);
        var row = Copy(attempt);
        if (!_byOutTradeNo.TryAdd(attempt.OutTradeNo, row))
            return Task.FromResult(UniqueInsert.Duplicate);
        _byOrder.GetOrAdd(attempt.OrderId, static _ => new()).Enqueue(attempt.OutTradeNo);
        _byId[attempt.Id] = row;
        if (attempt.Syssn is { Length: > 0 } syssn)
            _bySyssn.TryAdd(syssn, row);
        return Task.FromResult(UniqueInsert.Inserted);
    }

    public Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byOutTradeNo.TryGetValue(outTradeNo.Trim(), out var row) ? Copy(row) : null);

    public Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default) =>
        Task.FromResult(_bySyssn.TryGetValue(syssn.Trim(), out var row) && _byOutTradeNo.TryGetValue(row.OutTradeNo, out var current) ? Copy(current) : null);

    public Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QfPayPaymentAttempt>>(_byOrder.TryGetValue(orderId, out var keys)
            ? keys.Select(key => _byOutTradeNo[key]).OrderBy(static a => a.Id).Select(Copy).ToList()
            : []);

    public Task<bool> TryChangeAsync(int attemptId, AttemptChange change, CancellationToken cancellationToken = default)
    {
        // The guarded move happens under the row's lock, as the database's UPDATE ... WHERE StatusId IN (...) would.
        if (!_byId.TryGetValue(attemptId, out var row))
            return Task.FromResult(false);

        lock (row)
        {
            if (!row.Status.CanMoveTo(change.Status))
                return Task.FromResult(false);
            change.ApplyTo(row);
        }

        if (row.Syssn is { Length: > 0 } syssn)
            _bySyssn.TryAdd(syssn, row);
        return Task.FromResult(true);
    }

    public Task RecordQueriedAsync(int attemptId, DateTime queriedOnUtc, CancellationToken cancellationToken = default)
    {
        if (_byId.TryGetValue(attemptId, out var row))
        {
            lock (row)
                row.LastQueriedOnUtc = queriedOnUtc;
        }

        return Task.CompletedTask;
    }

    private static QfPayPaymentAttempt Copy(QfPayPaymentAttempt row) => RowSnapshot.Of(row);
}
