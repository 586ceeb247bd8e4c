using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace QfPayAlipay.Benchmarks;

/// <summary>
/// The attempt table with the indexes a database has (out_trade_no, syssn, order id). The tests' in-memory table scans
/// every row, which is fine for a test and would make a benchmark of thousands of orders measure the scan.
/// </summary>
public sealed class IndexedAttemptStore : IPaymentAttemptStore
{
    private readonly ConcurrentDictionary<string, QfPayPaymentAttempt> _byOutTradeNo = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, QfPayPaymentAttempt> _bySyssn = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _byOrder = new();
    private int _lastId;

    public Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        attempt.Id = Interlocked.Increment(ref _lastId);
        if (!_byOutTradeNo.TryAdd(attempt.OutTradeNo, Copy(attempt)))
            return Task.FromResult(UniqueInsert.Duplicate);
        _byOrder.GetOrAdd(attempt.OrderId, static _ => new()).Enqueue(attempt.OutTradeNo);
        if (attempt.Syssn is { Length: > 0 } syssn)
            _bySyssn.TryAdd(syssn, Copy(attempt));
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

    public Task UpdateAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        _byOutTradeNo[attempt.OutTradeNo] = Copy(attempt);
        if (attempt.Syssn is { Length: > 0 } syssn)
            _bySyssn[syssn] = Copy(attempt);
        return Task.CompletedTask;
    }

    // Rows are handed out as copies, as a database read would be: callers change them before writing them back.
    private static readonly Func<object, object> Clone = typeof(object)
        .GetMethod(nameof(MemberwiseClone), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    private static QfPayPaymentAttempt Copy(QfPayPaymentAttempt row) => (QfPayPaymentAttempt)Clone(row);
}
