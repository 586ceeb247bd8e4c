using System.Data.Common;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using LinqToDB.DataProvider;
using LinqToDB.Mapping;
using Nop.Plugin.Payments.QfPayAlipay.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// One database engine as nopCommerce 4.90.6 drives it: the linq2db provider and mapping nopCommerce configures for it, the
/// FluentMigrator generator its migrations run with (and the column conventions nopCommerce adds), how the engine reports
/// a unique violation, and how its catalog describes a table. Each test database is created fresh and dropped after.
/// </summary>
public abstract class TestEngine
{
    private MappingSchema? _mappingSchema;

    public abstract EngineKind Kind { get; }

    /// <summary>"SQLite", "PostgreSQL", "MariaDB".</summary>
    public abstract string Name { get; }

    /// <summary>The server's version, e.g. "15.18" (read when the engine was first reached).</summary>
    public string ServerVersion { get; protected set; } = "?";

    /// <summary>What the proof lines print: "PostgreSQL 15.18".</summary>
    public string Label => $"{Name} {ServerVersion}";

    /// <summary>How the plugin's hand-written UPDATEs quote names on this engine.</summary>
    public SqlDialect Dialect => Kind == EngineKind.MariaDb ? SqlDialect.Backticks : SqlDialect.DoubleQuotes;

    /// <summary>The linq2db provider nopCommerce uses for this engine.</summary>
    public abstract IDataProvider LinqToDb { get; }

    /// <summary>nopCommerce's mapping: the provider's own schema plus the entity mapping its migrations define.</summary>
    public MappingSchema MappingSchema => _mappingSchema ??= CreateMappingSchema();

    /// <summary>A new, closed connection of the engine's ADO.NET driver.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>True when the engine refused a write because of a unique index (each driver has its own code for it).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// The connection string a simulated web node uses for <paramref name="databaseConnectionString"/>: different per node
    /// so that each node has its own connection pool, as separate processes do.
    /// </summary>
    public abstract string ForNode(string databaseConnectionString, string node);

    /// <summary>Creates an empty database; returns its connection string.</summary>
    public abstract Task<string> CreateDatabaseAsync(string name);

    public abstract Task DropDatabaseAsync(string name, string connectionString);

    /// <summary>The FluentMigrator generator and processor nopCommerce selects for this engine.</summary>
    public abstract void AddMigrationProcessor(IMigrationRunnerBuilder runner);

    /// <summary>What nopCommerce's column convention does to string columns on this engine (citext on PostgreSQL), if anything.</summary>
    public virtual IColumnsConvention? StringColumnsConvention => null;

    /// <summary>The table's columns and indexes as the engine's catalog reports them.</summary>
    public abstract Task<CatalogTable> ReadCatalogAsync(DbConnection connection, string table);

    protected virtual MappingSchema CreateMappingSchema()
    {
        var schema = new MappingSchema(LinqToDb.Name, LinqToDb.MappingSchema);
        schema.AddMetadataReader(new NopMetadataReader(Kind));
        return schema;
    }

    public override string ToString() => Label;
}
