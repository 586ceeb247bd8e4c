using System.Data;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Model;
using Moq;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>
/// Issue #14: the plugin's tables as each engine's catalog reports them after the plugin's own migrations ran, against
/// what its builders and migrations declare, translated by nopCommerce 4.90.6's rules for that engine: on PostgreSQL every
/// string is citext and loses its length (NopColumnsConvention), dates are timestamp(6); on MySQL/MariaDB bounded strings
/// are NVARCHAR (utf8mb3, whose default collation ignores case and trailing spaces), dates datetime(6), bools tinyint;
/// SQLite stands in with NOCASE text. Nullability, identity keys and every index (name, uniqueness, columns) must match.
/// </summary>
[TestFixture]
[NonParallelizable]
public class SchemaOnEnginesTests
{
    private static readonly EngineKind[] Engines = TestEngines.All;

    [TestCaseSource(nameof(Engines))]
    public async Task The_tables_the_migrations_create_have_the_columns_and_indexes_the_builders_and_migrations_declare(EngineKind kind)
    {
        var engine = await TestEngines.RequireAsync(kind);
        await using var database = await EngineDatabase.CreateAsync(engine, "schema");
        var declared = Declared(kind);
        await using var connection = await database.OpenAsync();

        var differences = new List<string>();
        var columns = 0;
        var indexes = 0;
        foreach (var (table, expected) in declared)
        {
            var actual = await engine.ReadCatalogAsync(connection, table);
            Compare(kind, expected, actual, differences);
            columns += actual.Columns.Count;
            indexes += actual.Indexes.Count;
        }

        ProofLog.WriteLine($"[Schema:{engine.Label}] {declared.Count} tables, {columns} columns, {indexes} indexes (primary keys included) " +
            $"compared with the builders and migrations: {(differences.Count == 0 ? "no differences" : string.Join("; ", differences))}");
        Assert.Multiple(() =>
        {
            Assert.That(declared.Keys, Is.EquivalentTo(PluginSchema.Entities.Select(static e => e.Name)), "every table the plugin owns is created");
            Assert.That(differences, Is.Empty);
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Linq2db_maps_exactly_the_columns_the_engine_has_so_enum_wrappers_are_no_columns(EngineKind kind)
    {
        var engine = await TestEngines.RequireAsync(kind);
        await using var database = await EngineDatabase.CreateAsync(engine, "mapping");
        await using var connection = await database.OpenAsync();

        foreach (var entity in PluginSchema.Entities)
        {
            var mapped = engine.MappingSchema.GetEntityDescriptor(entity).Columns.Select(static c => c.ColumnName);
            var actual = (await engine.ReadCatalogAsync(connection, entity.Name)).Columns.Select(static c => c.Name);
            Assert.That(mapped, Is.EquivalentTo(actual), entity.Name);
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Uninstalling_runs_the_migrations_down_and_drops_every_table(EngineKind kind)
    {
        var engine = await TestEngines.RequireAsync(kind);
        await using var database = await EngineDatabase.CreateAsync(engine, "uninstall");

        await Task.Run(() => PluginSchema.Uninstall(engine, database.ConnectionString));

        await using var connection = await database.OpenAsync();
        foreach (var entity in PluginSchema.Entities)
            Assert.That((await engine.ReadCatalogAsync(connection, entity.Name)).Columns, Is.Empty, entity.Name);
    }

    /// <summary>
    /// A store that installed 1.0 updates to 1.1: nopCommerce runs the Update migration (PluginService.UpdatePluginsAsync),
    /// which must leave exactly the tables a new 1.1 install has, and running it again changes nothing.
    /// </summary>
    [TestCaseSource(nameof(Engines))]
    public async Task The_update_migration_gives_a_store_installed_with_1_0_the_tables_of_a_new_install_and_can_run_twice(EngineKind kind)
    {
        var engine = await TestEngines.RequireAsync(kind);
        await using var fresh = await EngineDatabase.CreateAsync(engine, "upgradefresh");
        await using var upgraded = await EngineDatabase.CreateAsync(engine, "upgradefrom10");
        await using (var connection = await upgraded.OpenAsync())
        {
            foreach (var statement in WhatVersion10Lacked(kind, engine.Dialect))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync();
            }

            var before = await engine.ReadCatalogAsync(connection, nameof(QfPayPaymentAttempt));
            Assert.That(before.Columns.Select(static c => c.Name), Has.None.EqualTo(nameof(QfPayPaymentAttempt.ExpiresOnUtc)), "the 1.0 shape to start from");
        }

        // What 1.0 could leave behind without the index: two requests at once gave order 7 the number 2 twice (and 3 once).
        await using (var connection = await upgraded.OpenAsync())
        {
            foreach (var (orderId, number, outTradeNo) in new[] { (7, 1, "7-1-AAAAAA"), (7, 2, "7-2-BBBBBB"), (7, 2, "7-2-CCCCCC"), (7, 3, "7-3-DDDDDD"), (8, 1, "8-1-EEEEEE") })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Version10Insert(engine.Dialect, orderId, number, outTradeNo);
                await command.ExecuteNonQueryAsync();
            }
        }

        await Task.Run(() => PluginSchema.Upgrade(engine, upgraded.ConnectionString));
        await Task.Run(() => PluginSchema.Upgrade(engine, upgraded.ConnectionString));

        var numbers = (await upgraded.ReadAllAsync<QfPayPaymentAttempt>()).OrderBy(static a => a.Id).Select(static a => (a.OutTradeNo, a.AttemptNumber));
        Assert.That(numbers, Is.EqualTo(new[] { ("7-1-AAAAAA", 1), ("7-2-BBBBBB", 2), ("7-2-CCCCCC", 4), ("7-3-DDDDDD", 3), ("8-1-EEEEEE", 1) }),
            "the repeated number moved to the order's next free one, so the unique index could be created");

        await using var freshConnection = await fresh.OpenAsync();
        await using var upgradedConnection = await upgraded.OpenAsync();
        var differences = new List<string>();
        foreach (var entity in PluginSchema.Entities)
        {
            var expected = Comparable(await engine.ReadCatalogAsync(freshConnection, entity.Name));
            var actual = Comparable(await engine.ReadCatalogAsync(upgradedConnection, entity.Name));
            differences.AddRange(expected.Except(actual).Select(e => $"{entity.Name}: new install has {e}"));
            differences.AddRange(actual.Except(expected).Select(a => $"{entity.Name}: upgraded has {a}"));
        }

        ProofLog.WriteLine($"[Schema:{engine.Label}] 1.0 updated to 1.1 (twice) against a new 1.1 install: " +
            (differences.Count == 0 ? "no differences" : string.Join("; ", differences)));
        Assert.That(differences, Is.Empty);
    }

    /// <summary>An attempt row as 1.0 wrote it: its columns only (the test data is literal, no input).</summary>
    private static string Version10Insert(SqlDialect dialect, int orderId, int number, string outTradeNo)
    {
        string[] columns = [nameof(QfPayPaymentAttempt.OrderId), nameof(QfPayPaymentAttempt.StoreId), nameof(QfPayPaymentAttempt.OutTradeNo),
            nameof(QfPayPaymentAttempt.AttemptNumber), nameof(QfPayPaymentAttempt.AmountMinor), nameof(QfPayPaymentAttempt.CurrencyCode),
            nameof(QfPayPaymentAttempt.PayType), nameof(QfPayPaymentAttempt.StatusId), nameof(QfPayPaymentAttempt.CreatedOnUtc),
            nameof(QfPayPaymentAttempt.UpdatedOnUtc)];
        var values = $"{orderId}, 1, '{outTradeNo}', {number}, 12800, 'HKD', 801512, {(int)PaymentAttemptStatus.Expired}, '2026-03-18 06:00:00', '2026-03-18 06:00:00'";
        return $"INSERT INTO {dialect.Quote(nameof(QfPayPaymentAttempt))} ({string.Join(", ", columns.Select(dialect.Quote))}) VALUES ({values})";
    }

    /// <summary>Drops from a new install what 1.0 did not have, leaving the tables as a 1.0 store has them.</summary>
    private static IEnumerable<string> WhatVersion10Lacked(EngineKind kind, SqlDialect dialect)
    {
        var index = dialect.Quote(PaymentSchemaMigration.OrderAttemptIndex);
        yield return kind == EngineKind.MariaDb ? $"DROP INDEX {index} ON {dialect.Quote(nameof(QfPayPaymentAttempt))}" : $"DROP INDEX {index}";
        foreach (var (table, column) in new[]
                 {
                     (nameof(QfPayPaymentAttempt), nameof(QfPayPaymentAttempt.ExpiresOnUtc)),
                     (nameof(QfPayPaymentAttempt), nameof(QfPayPaymentAttempt.ChargedOrderTotal)),
                     (nameof(QfPaySettlementClaim), nameof(QfPaySettlementClaim.HolderToken)),
                     (nameof(QfPayIntegrationEvent), nameof(QfPayIntegrationEvent.Occurrences)),
                 })
            yield return $"ALTER TABLE {dialect.Quote(table)} DROP COLUMN {dialect.Quote(column)}";
    }

    /// <summary>Columns and indexes as sets of text (an added column comes last in the catalog, which is no difference).</summary>
    private static HashSet<string> Comparable(CatalogTable table) =>
        [.. table.Columns.Select(static c => c.ToString()), .. table.Indexes.Select(Describe)];

    /// <summary>The tables, columns and indexes the plugin's migrations declare, with Create.TableFor answered as nopCommerce does on <paramref name="kind"/>.</summary>
    private static Dictionary<string, (IList<ColumnDefinition> Columns, List<IndexDefinition> Indexes)> Declared(EngineKind kind)
    {
        var expressions = new List<IMigrationExpression>();
        var context = new Mock<IMigrationContext>();
        context.SetupGet(static c => c.Expressions).Returns(expressions);
        NopTableMapping.Install();
        var previous = NopTableMapping.CurrentEngine;
        NopTableMapping.CurrentEngine = kind;
        try
        {
            foreach (var migration in PluginSchema.InstallationMigrations)
                ((MigrationBase)Activator.CreateInstance(migration)!).GetUpExpressions(context.Object);
        }
        finally
        {
            NopTableMapping.CurrentEngine = previous;
        }

        var tables = expressions.OfType<CreateTableExpression>().ToDictionary(static t => t.TableName, static t => (t.Columns, new List<IndexDefinition>()));
        foreach (var index in expressions.OfType<CreateIndexExpression>())
            tables[index.Index.TableName].Item2.Add(index.Index);
        return tables;
    }

    private static void Compare(EngineKind kind, (IList<ColumnDefinition> Columns, List<IndexDefinition> Indexes) declared, CatalogTable actual,
        List<string> differences)
    {
        var table = actual.Name;
        var missing = declared.Columns.Select(static c => c.Name).Except(actual.Columns.Select(static c => c.Name)).ToList();
        var extra = actual.Columns.Select(static c => c.Name).Except(declared.Columns.Select(static c => c.Name)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            differences.Add($"{table}: columns missing [{string.Join(", ", missing)}], not declared [{string.Join(", ", extra)}]");

        foreach (var column in declared.Columns.Where(c => actual.Columns.Any(a => a.Name == c.Name)))
        {
            var expected = Expected(kind, column);
            var found = actual.Column(column.Name);
            if (expected != found)
                differences.Add($"{table}.{column.Name}: declared {expected}, created {found}");
        }

        var expectedIndexes = declared.Indexes
            .Select(static i => new CatalogIndex(i.Name, i.IsUnique, false, i.Columns.Select(static c => c.Name).ToList()))
            .Append(new CatalogIndex(PrimaryKeyName(kind, table), true, true, ["Id"]))
            .OrderBy(static i => i.Name, StringComparer.Ordinal)
            .Select(Describe)
            .ToList();
        var actualIndexes = actual.Indexes.OrderBy(static i => i.Name, StringComparer.Ordinal).Select(Describe).ToList();
        if (!expectedIndexes.SequenceEqual(actualIndexes))
            differences.Add($"{table}: declared indexes [{string.Join("; ", expectedIndexes)}], created [{string.Join("; ", actualIndexes)}]");
    }

    private static string Describe(CatalogIndex index) =>
        $"{index.Name} {(index.IsPrimaryKey ? "primary key" : index.IsUnique ? "unique" : "index")} ({string.Join(", ", index.Columns)})";

    private static string PrimaryKeyName(EngineKind kind, string table) => kind switch
    {
        EngineKind.MariaDb => "PRIMARY",
        EngineKind.Sqlite => "PRIMARY KEY",
        _ => $"PK_{table}",
    };

    /// <summary>What nopCommerce's migration makes of a declared column on <paramref name="kind"/>.</summary>
    private static CatalogColumn Expected(EngineKind kind, ColumnDefinition column)
    {
        var nullable = column.IsNullable == true;
        var identity = column.IsIdentity;
        var unbounded = column.Size is null or int.MaxValue;
        return (kind, column.Type, column.CustomType) switch
        {
            (EngineKind.PostgreSql, DbType.String, _) => new(column.Name, "citext", null, nullable, null, null, null, identity),
            (EngineKind.PostgreSql, DbType.Int32, _) => new(column.Name, "int4", null, nullable, null, null, null, identity),
            (EngineKind.PostgreSql, DbType.Int64, _) => new(column.Name, "int8", null, nullable, null, null, null, identity),
            (EngineKind.PostgreSql, DbType.Boolean, _) => new(column.Name, "bool", null, nullable, null, null, null, identity),
            (EngineKind.PostgreSql, DbType.Decimal, _) => new(column.Name, "numeric", null, nullable, column.Size, column.Precision, null, identity),
            (EngineKind.PostgreSql, DbType.DateTime2, _) => new(column.Name, "timestamp", null, nullable, column.Precision, null, null, identity),

            (EngineKind.MariaDb, DbType.String, _) when unbounded => new(column.Name, "longtext", null, nullable, null, null, "utf8mb4_general_ci", identity),
            (EngineKind.MariaDb, DbType.String, _) => new(column.Name, "varchar", column.Size, nullable, null, null, "utf8mb3_general_ci", identity),
            (EngineKind.MariaDb, DbType.Int32, _) => new(column.Name, "int", null, nullable, null, null, null, identity),
            (EngineKind.MariaDb, DbType.Int64, _) => new(column.Name, "bigint", null, nullable, null, null, null, identity),
            (EngineKind.MariaDb, DbType.Boolean, _) => new(column.Name, "tinyint", null, nullable, null, null, null, identity),
            (EngineKind.MariaDb, DbType.Decimal, _) => new(column.Name, "decimal", null, nullable, column.Size, column.Precision, null, identity),
            (EngineKind.MariaDb, null, "datetime(6)") => new(column.Name, "datetime", null, nullable, 6, null, null, identity),

            (EngineKind.Sqlite, DbType.String, _) => new(column.Name, "text", null, nullable, null, null, "NOCASE", identity),
            (EngineKind.Sqlite, DbType.Int32 or DbType.Int64 or DbType.Boolean, _) => new(column.Name, "integer", null, nullable, null, null, null, identity),
            (EngineKind.Sqlite, DbType.Decimal, _) => new(column.Name, "numeric", null, nullable, null, null, null, identity),
            (EngineKind.Sqlite, DbType.DateTime2, _) => new(column.Name, "datetime", null, nullable, null, null, null, identity),

            _ => new(column.Name, $"(no rule for {column.Type?.ToString() ?? column.CustomType} on {kind})", null, nullable, null, null, null, identity),
        };
    }
}
