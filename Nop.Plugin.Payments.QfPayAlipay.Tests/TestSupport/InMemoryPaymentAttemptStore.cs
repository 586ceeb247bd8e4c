using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// <see cref="IPaymentAttemptStore"/> in memory, thread-safe, with the database's rules: out_trade_no unique without
/// regard to case (SQL Server's default collation, PostgreSQL citext), snapshots on read, whole-row writes.
/// </summary>
public sealed class InMemoryPaymentAttemptStore : IPaymentAttemptStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, QfPayPaymentAttempt> _rows = [];
    private int _lastId;

    /// <summary>While true the "database" is down: inserts fail, reads and writes throw.</summary>
    public bool IsDown { get; set; }

    public IReadOnlyList<QfPayPaymentAttempt> All
    {
        get
        {
            lock (_gate)
                return _rows.Values.OrderBy(static a => a.Id).Select(RowCopy.Of).ToList();
        }
    }

    public QfPayPaymentAttempt Single() => All.Single();

    public Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        if (IsDown)
            return Task.FromResult(UniqueInsert.Failed);

        lock (_gate)
        {
            if (_rows.Values.Any(a => string.Equals(a.OutTradeNo, attempt.OutTradeNo, StringComparison.OrdinalIgnoreCase)))
                return Task.FromResult(UniqueInsert.Duplicate);

            attempt.Id = ++_lastId;
            _rows[attempt.Id] = RowCopy.Of(attempt);
            return Task.FromResult(UniqueInsert.Inserted);
        }
    }

    public Task<QfPayPaymentAttempt?> FindByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default) =>
        Find(a => string.Equals(a.OutTradeNo, outTradeNo?.Trim(), StringComparison.OrdinalIgnoreCase));

    public Task<QfPayPaymentAttempt?> FindBySyssnAsync(string syssn, CancellationToken cancellationToken = default) =>
        Find(a => string.Equals(a.Syssn, syssn?.Trim(), StringComparison.OrdinalIgnoreCase));

    public Task<IReadOnlyList<QfPayPaymentAttempt>> ListByOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
            return Task.FromResult<IReadOnlyList<QfPayPaymentAttempt>>(_rows.Values.Where(a => a.OrderId == orderId).OrderBy(static a => a.Id).Select(RowCopy.Of).ToList());
    }

    public Task UpdateAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (!_rows.ContainsKey(attempt.Id))
                throw new TestDatabaseException($"No attempt row {attempt.Id} to update.");
            _rows[attempt.Id] = RowCopy.Of(attempt);
        }

        return Task.CompletedTask;
    }

    /// <summary>Puts a row in directly (e.g. an attempt of an earlier checkout).</summary>
    public QfPayPaymentAttempt Seed(QfPayPaymentAttempt attempt)
    {
        lock (_gate)
        {
            attempt.Id = ++_lastId;
            _rows[attempt.Id] = RowCopy.Of(attempt);
        }

        return attempt;
    }

    private Task<QfPayPaymentAttempt?> Find(Func<QfPayPaymentAttempt, bool> predicate)
    {
        ThrowIfDown();
        lock (_gate)
            return Task.FromResult(_rows.Values.Where(predicate).OrderBy(static a => a.Id).Select(RowCopy.Of).FirstOrDefault());
    }

    private void ThrowIfDown()
    {
        if (IsDown)
            throw new TestDatabaseException("The test database is down.");
    }
}
