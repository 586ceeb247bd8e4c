using Microsoft.Data.Sqlite;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof.Sqlite;

/// <summary>
/// One real relational database file shared by every simulated web node of a test: the attempt and settlement-claim
/// tables with the unique indexes of <see cref="PaymentSchemaMigration"/> (case-insensitive, as SQL Server's default
/// collation and PostgreSQL's citext make them). Each node opens its own connections, as separate processes would.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _path;

    private SqliteDatabase(string path)
    {
        _path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    public string ConnectionString { get; }

    /// <summary>How many INSERTs the unique indexes refused (SQLITE_CONSTRAINT), counted over every node.</summary>
    public int UniqueViolations => Volatile.Read(ref _uniqueViolations);

    private int _uniqueViolations;

    public static SqliteDatabase Create()
    {
        var database = new SqliteDatabase(Path.Combine(Path.GetTempPath(), $"qfpay-proof-{Guid.NewGuid():N}.db"));
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE {nameof(QfPayPaymentAttempt)} ({SqliteRows<QfPayPaymentAttempt>.ColumnDefinitions});
            CREATE UNIQUE INDEX {PaymentSchemaMigration.OutTradeNoIndex} ON {nameof(QfPayPaymentAttempt)} ({nameof(QfPayPaymentAttempt.OutTradeNo)} COLLATE NOCASE);
            CREATE INDEX {PaymentSchemaMigration.OrderIdIndex} ON {nameof(QfPayPaymentAttempt)} ({nameof(QfPayPaymentAttempt.OrderId)});
            CREATE UNIQUE INDEX {PaymentSchemaMigration.OrderAttemptIndex} ON {nameof(QfPayPaymentAttempt)} ({nameof(QfPayPaymentAttempt.OrderId)}, {nameof(QfPayPaymentAttempt.AttemptNumber)});
            CREATE TABLE {nameof(QfPaySettlementClaim)} ({SqliteRows<QfPaySettlementClaim>.ColumnDefinitions});
            CREATE UNIQUE INDEX {PaymentSchemaMigration.ClaimKeyIndex} ON {nameof(QfPaySettlementClaim)} ({nameof(QfPaySettlementClaim.ClaimKey)} COLLATE NOCASE);
            """;
        command.ExecuteNonQuery();
        return database;
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    internal void CountUniqueViolation() => Interlocked.Increment(ref _uniqueViolations);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temp file left behind is harmless.
            }
        }
    }
}
