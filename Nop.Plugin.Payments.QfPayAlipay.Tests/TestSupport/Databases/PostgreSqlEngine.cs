using System.Data.Common;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider;
using LinqToDB.DataProvider.PostgreSQL;
using LinqToDB.Internal.DataProvider.PostgreSQL;
using LinqToDB.Mapping;
using LinqToDB.SqlQuery;
using Npgsql;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// PostgreSQL as nopCommerce 4.90.6 drives it (PostgreSqlDataProvider.cs, LinqToDBPostgreSQLDataProvider.cs,
/// NopColumnsConvention.cs): linq2db's PostgreSQL 9.2 dialect; every string column created as <c>citext</c> and every
/// string parameter sent as citext, so comparisons and unique indexes ignore case; the database created with the citext
/// extension; migrations by FluentMigrator's Postgres92 generator (quoted, case-preserving names).
/// </summary>
public sealed class PostgreSqlEngine : TestEngine
{
    public const string Variable = "QFPAY_TEST_POSTGRES";

    private const string UniqueViolation = "23505";

    private static readonly IDataProvider Provider = new CitextPostgreSqlProvider();

    private readonly string _serverConnectionString;

    public PostgreSqlEngine(string serverConnectionString)
    {
        _serverConnectionString = serverConnectionString;
    }

    public override EngineKind Kind => EngineKind.PostgreSql;

    public override string Name => "PostgreSQL";

    public override IDataProvider LinqToDb => Provider;

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: UniqueViolation };

    public override string ForNode(string databaseConnectionString, string node) =>
        new NpgsqlConnectionStringBuilder(databaseConnectionString) { ApplicationName = $"qfpay-{node}" }.ConnectionString;

    /// <summary>Connects once to read the version; throws when the server cannot be reached.</summary>
    public async Task ConnectAsync()
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        var version = (string)(await command.ExecuteScalarAsync())!;
        ServerVersion = version.Split(' ', 2)[0];
    }

    public override async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var server = new NpgsqlConnection(_serverConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString;
        await using var database = new NpgsqlConnection(connectionString);
        await database.OpenAsync();
        // What nopCommerce's CreateDatabase does right after creating a store's database.
        await using var extensions = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS citext; CREATE EXTENSION IF NOT EXISTS pgcrypto;", database);
        await extensions.ExecuteNonQueryAsync();
        // The driver learnt the database's types when this connection opened, before citext existed; nopCommerce reloads
        // them here too, or every later connection with this connection string would not know how to read a citext column.
        await database.ReloadTypesAsync();
        return connectionString;
    }

    public override async Task DropDatabaseAsync(string name, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    public override void AddMigrationProcessor(IMigrationRunnerBuilder runner) => runner.AddPostgres92();

    public override IColumnsConvention StringColumnsConvention { get; } = new CitextColumns();

    protected override MappingSchema CreateMappingSchema()
    {
        var schema = base.CreateMappingSchema();
        // nopCommerce's CreateDataConnection sets this on its (shared) mapping schema before inserts and updates.
        schema.SetDataType(typeof(string), new SqlDataType(new DbDataType(typeof(string), "citext")));
        return schema;
    }

    public override async Task<CatalogTable> ReadCatalogAsync(DbConnection connection, string table)
    {
        var columns = new List<CatalogColumn>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT column_name, udt_name, character_maximum_length, is_nullable, datetime_precision, numeric_precision,
                       numeric_scale, column_default, is_identity
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = @table
                ORDER BY ordinal_position
                """;
            command.Parameters.Add(new NpgsqlParameter("table", table));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var type = reader.GetString(1);
                var isDate = type.StartsWith("timestamp", StringComparison.Ordinal);
                var isNumeric = type == "numeric";
                columns.Add(new CatalogColumn(
                    reader.GetString(0),
                    type,
                    reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.GetString(3) == "YES",
                    isDate && !reader.IsDBNull(4) ? reader.GetInt32(4) : isNumeric && !reader.IsDBNull(5) ? reader.GetInt32(5) : null,
                    isNumeric && !reader.IsDBNull(6) ? reader.GetInt32(6) : null,
                    null,
                    (!reader.IsDBNull(7) && reader.GetString(7).StartsWith("nextval(", StringComparison.Ordinal)) || reader.GetString(8) == "YES"));
            }
        }

        var indexes = new List<CatalogIndex>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT ic.relname, ix.indisunique, ix.indisprimary, a.attname
                FROM pg_index ix
                JOIN pg_class t ON t.oid = ix.indrelid
                JOIN pg_class ic ON ic.oid = ix.indexrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                WHERE n.nspname = 'public' AND t.relname = @table
                ORDER BY ic.relname, k.ord
                """;
            command.Parameters.Add(new NpgsqlParameter("table", table));
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string Index, bool Unique, bool Primary, string Column)>();
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3)));
            indexes.AddRange(rows.GroupBy(static r => r.Index)
                .Select(static g => new CatalogIndex(g.Key, g.First().Unique, g.First().Primary, g.Select(static r => r.Column).ToList())));
        }

        return new CatalogTable(table, columns, indexes);
    }

    /// <summary>nopCommerce's NopColumnsConvention: on PostgreSQL every string column becomes citext (its length is dropped).</summary>
    private sealed class CitextColumns : IColumnsConvention
    {
        public IColumnsExpression Apply(IColumnsExpression expression)
        {
            foreach (var column in expression.Columns.Where(static c => c.Type == System.Data.DbType.String))
            {
                column.Type = null;
                column.CustomType = "citext";
            }

            return expression;
        }
    }

    /// <summary>nopCommerce's LinqToDBPostgreSQLDataProvider: PostgreSQL 9.2 dialect, every string parameter typed citext.</summary>
    private sealed class CitextPostgreSqlProvider() : PostgreSQLDataProvider(ProviderName.PostgreSQL92, PostgreSQLVersion.v92)
    {
        public override void SetParameter(DataConnection dataConnection, DbParameter parameter, string name, DbDataType dataType, object? value)
        {
            if (value is string && dataType.SystemType == typeof(string))
                dataType = dataType.WithDbType("citext");

            base.SetParameter(dataConnection, parameter, name, dataType, value);
        }
    }
}
