using System.Globalization;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// One fresh database on one engine with the plugin's tables, created by the plugin's own migrations
/// (<see cref="PluginSchema"/>), shared by any number of simulated web nodes (<see cref="NewNode"/>), each with its own
/// connection pool. Counts what the nodes did to it: statements, unique violations the engine raised, connections open
/// at once. Dropped when disposed.
/// </summary>
public sealed class EngineDatabase : IAsyncDisposable
{
    private readonly DataOptions _unrecorded;
    private int _uniqueViolations;
    private int _nodes;

    private EngineDatabase(TestEngine engine, string name, string connectionString)
    {
        Engine = engine;
        Name = name;
        ConnectionString = connectionString;
        _unrecorded = new DataOptions()
            .UseConnectionFactory(engine.LinqToDb, _ => engine.CreateConnection(connectionString))
            .UseMappingSchema(engine.MappingSchema);
    }

    public TestEngine Engine { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>"PostgreSQL 15.18".</summary>
    public string Label => Engine.Label;

    /// <summary>Every statement the nodes sent.</summary>
    public StatementLog Statements { get; } = new();

    /// <summary>Connections open at once, over every node.</summary>
    public ConnectionGauge Connections { get; } = new();

    /// <summary>How many writes the engine refused because of a unique index, over every node.</summary>
    public int UniqueViolations => Volatile.Read(ref _uniqueViolations);

    /// <summary>A new database named after <paramref name="purpose"/>, with the plugin installed in it.</summary>
    public static async Task<EngineDatabase> CreateAsync(TestEngine engine, string purpose)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var stem = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        var name = string.Create(CultureInfo.InvariantCulture, $"qfpay_{stem}_{suffix}");
        var connectionString = await engine.CreateDatabaseAsync(name);
        var database = new EngineDatabase(engine, name, connectionString);
        try
        {
            await Task.Run(() => PluginSchema.Install(engine, connectionString));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return database;
    }

    /// <summary>A simulated web node's data layer: nopCommerce's data provider with its own connection pool.</summary>
    public NodeDataProvider NewNode(string? name = null) =>
        new(this, name ?? string.Create(CultureInfo.InvariantCulture, $"node{Interlocked.Increment(ref _nodes)}"));

    /// <summary>The table's rows by id, read for an assertion (not counted as a statement of the nodes).</summary>
    public async Task<List<T>> ReadAllAsync<T>() where T : BaseEntity
    {
        await using var connection = new DataConnection(_unrecorded);
        return await connection.GetTable<T>().OrderBy(static e => e.Id).ToListAsync();
    }

    /// <summary>A connection outside the nodes, for the catalog and for engine-level checks.</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        var connection = Engine.CreateConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    internal void CountUniqueViolation() => Interlocked.Increment(ref _uniqueViolations);

    public async ValueTask DisposeAsync() => await Engine.DropDatabaseAsync(Name, ConnectionString);
}
