using System.Data.Common;
using System.Text.RegularExpressions;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using LinqToDB.DataProvider;
using LinqToDB.DataProvider.SQLite;
using Microsoft.Data.Sqlite;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// SQLite, the engine that is always at hand. It is no nopCommerce engine, so it stands in for the case-insensitive
/// collation stores have (SQL Server's default, PostgreSQL's citext): string columns are created COLLATE NOCASE. One file
/// per database in the temp folder, in WAL mode; no connection pooling (every repository call opens the file), so the
/// simulated web nodes share nothing but the file, and SQLite's single writer serialises their writes.
/// </summary>
public sealed partial class SqliteEngine : TestEngine
{
    private const int Constraint = 19;
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    private static readonly IDataProvider Provider = SQLiteTools.GetDataProvider(SQLiteProvider.Microsoft);

    public SqliteEngine()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        ServerVersion = (string)command.ExecuteScalar()!;
    }

    public override EngineKind Kind => EngineKind.Sqlite;

    public override string Name => "SQLite";

    public override IDataProvider LinqToDb => Provider;

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: Constraint } sqlite && sqlite.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;

    public override string ForNode(string databaseConnectionString, string node) => databaseConnectionString;

    public override async Task<string> CreateDatabaseAsync(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{name}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Readers do not block the single writer, as on a server engine.
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    public override Task DropDatabaseAsync(string name, string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
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

        return Task.CompletedTask;
    }

    public override void AddMigrationProcessor(IMigrationRunnerBuilder runner) => runner.AddSQLite();

    public override IColumnsConvention StringColumnsConvention { get; } = new NoCaseColumns();

    public override async Task<CatalogTable> ReadCatalogAsync(DbConnection connection, string table)
    {
        string ddl;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $table";
            command.Parameters.Add(new SqliteParameter("$table", table));
            ddl = (string)(await command.ExecuteScalarAsync())!;
        }

        var columns = new List<CatalogColumn>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(1);
                var type = reader.GetString(2).ToLowerInvariant();
                var definition = ColumnDefinition(ddl, name);
                var collation = CollateClause().Match(definition) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant() : null;
                var isKey = reader.GetInt32(5) > 0;
                columns.Add(new CatalogColumn(name, type, null, reader.GetInt32(3) == 0 && !isKey, null, null, collation,
                    isKey && type == "integer"));
            }
        }

        var indexes = new List<CatalogIndex>();
        var keyColumns = columns.Where(static c => c.IsIdentity).Select(static c => c.Name).ToList();
        if (keyColumns.Count > 0)
            indexes.Add(new CatalogIndex("PRIMARY KEY", true, true, keyColumns));

        var listed = new List<(string Name, bool Unique)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA index_list(\"{table}\")";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                listed.Add((reader.GetString(1), reader.GetInt32(2) == 1));
        }

        foreach (var (name, unique) in listed)
        {
            var indexColumns = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA index_info(\"{name}\")";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                indexColumns.Add(reader.GetString(2));
            indexes.Add(new CatalogIndex(name, unique, false, indexColumns));
        }

        return new CatalogTable(table, columns, indexes);
    }

    private static string ColumnDefinition(string ddl, string column)
    {
        var start = ddl.IndexOf($"\"{column}\"", StringComparison.Ordinal);
        if (start < 0)
            return string.Empty;
        var end = ddl.IndexOf(',', start);
        return end < 0 ? ddl[start..] : ddl[start..end];
    }

    [GeneratedRegex(@"COLLATE\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CollateClause();

    /// <summary>String columns ignore case, as on the engines nopCommerce runs on (a stand-in for their collations).</summary>
    private sealed class NoCaseColumns : IColumnsConvention
    {
        public IColumnsExpression Apply(IColumnsExpression expression)
        {
            foreach (var column in expression.Columns.Where(static c => c.Type == System.Data.DbType.String))
            {
                column.Type = null;
                column.CustomType = "TEXT COLLATE NOCASE";
            }

            return expression;
        }
    }
}
