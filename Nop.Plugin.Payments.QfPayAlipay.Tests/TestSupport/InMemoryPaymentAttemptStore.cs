using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// <see cref="IPaymentAttemptStore"/> in memory, thread-safe, with the database's rules: out_trade_no unique without
/// regard to case (SQL Server's default collation, PostgreSQL citext), one attempt per order and number, snapshots on
/// read, and changes that happen only
/// when the stored status allows them, atomically, as the guarded UPDATE does. Every status a row ever held is kept in
/// <see cref="StatusHistory"/>, so tests can prove that none moved backwards.
/// </summary>
public sealed class InMemoryPaymentAttemptStore : IPaymentAttemptStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, QfPayPaymentAttempt> _rows = [];
    private int _lastId;
    private readonly List<(int AttemptId, PaymentAttemptStatus Status)> _history = [];

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

    /// <summary>Every status each row held, in the order they were written.</summary>
    public IReadOnlyList<(int AttemptId, PaymentAttemptStatus Status)> StatusHistory
    {
        get
        {
            lock (_gate)
                return _history.ToList();
        }
    }

    /// <summary>How many changes were refused because the row had moved on (the guarded UPDATE matching no row).</summary>
    public int RefusedChanges { get; private set; }

    public Task<UniqueInsert> InsertAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        if (IsDown)
            return Task.FromResult(UniqueInsert.Failed);

        lock (_gate)
        {
            if (_rows.Values.Any(a => string.Equals(a.OutTradeNo, attempt.OutTradeNo, StringComparison.OrdinalIgnoreCase)
                || (a.OrderId == attempt.OrderId && a.AttemptNumber == attempt.AttemptNumber)))
            {
                return Task.FromResult(UniqueInsert.Duplicate);
            }

            attempt.Id = ++_lastId;
            _rows[attempt.Id] = RowCopy.Of(attempt);
            _history.Add((attempt.Id, attempt.Status));
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

    public Task<bool> TryChangeAsync(int attemptId, AttemptChange change, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (!_rows.TryGetValue(attemptId, out var row) || !row.Status.CanMoveTo(change.Status))
            {
                RefusedChanges++;
                return Task.FromResult(false);
            }

            var changed = RowCopy.Of(row);
            change.ApplyTo(changed);
            _rows[attemptId] = changed;
            _history.Add((attemptId, changed.Status));
            return Task.FromResult(true);
        }
    }

    public Task RecordQueriedAsync(int attemptId, DateTime queriedOnUtc, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        lock (_gate)
        {
            if (_rows.TryGetValue(attemptId, out var row))
            {
                var changed = RowCopy.Of(row);
                changed.LastQueriedOnUtc = queriedOnUtc;
                _rows[attemptId] = changed;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Changes when a row's link expires, directly (as a shorter setting at checkout time would have made it).</summary>
    public void SetExpiry(int attemptId, DateTime expiresOnUtc)
    {
        lock (_gate)
        {
            var changed = RowCopy.Of(_rows[attemptId]);
            changed.ExpiresOnUtc = expiresOnUtc;
            _rows[attemptId] = changed;
        }
    }

    /// <summary>Puts a row in directly (e.g. an attempt of an earlier checkout).</summary>
    public QfPayPaymentAttempt Seed(QfPayPaymentAttempt attempt)
    {
        lock (_gate)
        {
            attempt.Id = ++_lastId;
            _rows[attempt.Id] = RowCopy.Of(attempt);
            _history.Add((attempt.Id, attempt.Status));
        }

        return attempt;
    }

    /// <summary>Lookups by out_trade_no or syssn so far (a SELECT each on a database).</summary>
    public int Reads => Volatile.Read(ref _reads);

    private int _reads;

    private Task<QfPayPaymentAttempt?> Find(Func<QfPayPaymentAttempt, bool> predicate)
    {
        ThrowIfDown();
        Interlocked.Increment(ref _reads);
        lock (_gate)
            return Task.FromResult(_rows.Values.Where(predicate).OrderBy(static a => a.Id).Select(RowCopy.Of).FirstOrDefault());
    }

    private void ThrowIfDown()
    {
        if (IsDown)
            throw new TestDatabaseException("The test database is down.");
    }
}
