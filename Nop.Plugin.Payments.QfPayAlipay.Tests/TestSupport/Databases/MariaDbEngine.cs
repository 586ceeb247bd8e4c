using System.Data;
using System.Data.Common;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Generators.MySql;
using LinqToDB.DataProvider;
using LinqToDB.DataProvider.MySql;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// MariaDB as nopCommerce 4.90.6 drives a MySQL store (MySqlDataProvider.cs, NopMySql5TypeMap.cs): linq2db over the
/// MySqlConnector driver; the database created with the server's default character set and collation (nopCommerce adds
/// none unless configured, and Debian's MariaDB defaults to utf8mb4_general_ci); migrations by FluentMigrator's MySql5
/// generator with nopCommerce's type map (back-quoted names; bounded strings as NVARCHAR, i.e. utf8mb3, whose default
/// collation ignores case and trailing spaces; dates as datetime(6)).
/// </summary>
public sealed class MariaDbEngine : TestEngine
{
    public const string Variable = "QFPAY_TEST_MARIADB";

    // nopCommerce calls linq2db 5.4.1's MySqlTools.GetDataProvider() without arguments: no connection string to detect
    // the server by, so linq2db falls back to its MySQL 5.7 dialect, with the MySqlConnector driver nopCommerce ships.
    private static readonly IDataProvider Provider = MySqlTools.GetDataProvider(MySqlVersion.MySql57, MySqlProvider.MySqlConnector);

    private readonly string _serverConnectionString;

    public MariaDbEngine(string serverConnectionString)
    {
        _serverConnectionString = serverConnectionString;
    }

    public override EngineKind Kind => EngineKind.MariaDb;

    public override string Name => "MariaDB";

    public override IDataProvider LinqToDb => Provider;

    public override DbConnection CreateConnection(string connectionString) => new MySqlConnection(connectionString);

    public override bool IsUniqueViolation(DbException exception) => exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };

    public override string ForNode(string databaseConnectionString, string node) =>
        new MySqlConnectionStringBuilder(databaseConnectionString) { ApplicationName = $"qfpay-{node}" }.ConnectionString;

    public async Task ConnectAsync()
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT VERSION()", connection);
        var version = (string)(await command.ExecuteScalarAsync())!;
        ServerVersion = version.Split('-', 2)[0];
    }

    public override async Task<string> CreateDatabaseAsync(string name)
    {
        await using var server = new MySqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await using var create = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS `{name}`", server);
        await create.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString;
    }

    public override async Task DropDatabaseAsync(string name, string connectionString)
    {
        MySqlConnection.ClearAllPools();
        await using var server = new MySqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`", server);
        await drop.ExecuteNonQueryAsync();
    }

    public override void AddMigrationProcessor(IMigrationRunnerBuilder runner)
    {
        runner.AddMySql5();
        runner.Services.AddScoped<IMySqlTypeMap>(static _ => new NopMySqlTypeMap());
    }

    public override async Task<CatalogTable> ReadCatalogAsync(DbConnection connection, string table)
    {
        var columns = new List<CatalogColumn>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, DATETIME_PRECISION, NUMERIC_PRECISION,
                       NUMERIC_SCALE, COLLATION_NAME, EXTRA
                FROM information_schema.COLUMNS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table
                ORDER BY ORDINAL_POSITION
                """;
            command.Parameters.Add(new MySqlParameter("table", table));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var type = reader.GetString(1).ToLowerInvariant();
                var isDate = type is "datetime" or "timestamp";
                var isDecimal = type == "decimal";
                columns.Add(new CatalogColumn(
                    reader.GetString(0),
                    type,
                    reader.IsDBNull(2) || type.EndsWith("text", StringComparison.Ordinal) ? null : Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                    reader.GetString(3) == "YES",
                    isDate && !reader.IsDBNull(4) ? Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture)
                        : isDecimal && !reader.IsDBNull(5) ? Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) : null,
                    isDecimal && !reader.IsDBNull(6) ? Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture) : null,
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.GetString(8).Contains("auto_increment", StringComparison.OrdinalIgnoreCase)));
            }
        }

        var rows = new List<(string Index, bool Unique, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME
                FROM information_schema.STATISTICS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table
                ORDER BY INDEX_NAME, SEQ_IN_INDEX
                """;
            command.Parameters.Add(new MySqlParameter("table", table));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 0, reader.GetString(2)));
        }

        var indexes = rows.GroupBy(static r => r.Index)
            .Select(static g => new CatalogIndex(g.Key, g.First().Unique, g.Key == "PRIMARY", g.Select(static r => r.Column).ToList()))
            .ToList();
        return new CatalogTable(table, columns, indexes);
    }

    /// <summary>
    /// nopCommerce's NopMySql5TypeMap with its default settings (no character set or collation configured): unbounded
    /// text types without FluentMigrator's "CHARACTER SET utf8", so they take the table's default.
    /// </summary>
    private sealed class NopMySqlTypeMap : MySql5TypeMap
    {
        protected override void SetupMySqlTypeMaps()
        {
            base.SetupMySqlTypeMaps();
            SetTypeMap(DbType.StringFixedLength, "TEXT", TextCapacity);
            SetTypeMap(DbType.StringFixedLength, "MEDIUMTEXT", MediumTextCapacity);
            SetTypeMap(DbType.StringFixedLength, "LONGTEXT", LongTextCapacity);
            SetTypeMap(DbType.String, "TEXT", TextCapacity);
            SetTypeMap(DbType.String, "MEDIUMTEXT", MediumTextCapacity);
            SetTypeMap(DbType.String, "LONGTEXT", LongTextCapacity);
        }
    }
}
