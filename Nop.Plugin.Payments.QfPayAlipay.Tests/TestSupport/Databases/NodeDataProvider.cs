using System.Data.Common;
using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// One simulated web node's nopCommerce data provider (Nop.Data/DataProviders/BaseDataProvider.cs, 4.90.6) on a test
/// database: every call takes its own connection from the node's pool and gives it back, with no transaction around it
/// (an insert is one INSERT with the identity returned, an update one UPDATE of every column by Id); queries run on a
/// new data context per call, as nopCommerce's GetTable does. <see cref="INopDataProvider.ExecuteNonQueryAsync"/> runs the
/// plugin's raw statement with its parameters and returns the affected row count. Each node has its own connection
/// string, so its own pool (on SQLite, no pool at all).
/// </summary>
public sealed class NodeDataProvider : INopDataProvider
{
    private readonly EngineDatabase _database;
    private readonly DataOptions _options;

    internal NodeDataProvider(EngineDatabase database, string name)
    {
        _database = database;
        Name = name;
        Connections = new ConnectionGauge(database.Connections);
        var engine = database.Engine;
        var connectionString = engine.ForNode(database.ConnectionString, name);
        _options = new DataOptions()
            .UseConnectionFactory(engine.LinqToDb, _ => Connections.Watch(engine.CreateConnection(connectionString)))
            .UseMappingSchema(engine.MappingSchema)
            .UseInterceptor(database.Statements);
    }

    public string Name { get; }

    public EngineDatabase Database => _database;

    /// <summary>This node's connections open at once.</summary>
    public ConnectionGauge Connections { get; }

    public IQueryable<TEntity> GetTable<TEntity>() where TEntity : BaseEntity => new DataContext(_options).GetTable<TEntity>();

    public Task InsertEntityAsync<TEntity>(TEntity entity) where TEntity : BaseEntity => WriteAsync(async connection =>
    {
        entity.Id = await connection.InsertWithInt32IdentityAsync(entity);
        return 1;
    });

    public Task UpdateEntityAsync<TEntity>(TEntity entity) where TEntity : BaseEntity =>
        WriteAsync(connection => connection.UpdateAsync(entity));

    public Task DeleteEntityAsync<TEntity>(TEntity entity) where TEntity : BaseEntity =>
        WriteAsync(connection => connection.DeleteAsync(entity));

    public Task<int> BulkDeleteEntitiesAsync<TEntity>(Expression<Func<TEntity, bool>> predicate) where TEntity : BaseEntity =>
        WriteAsync(connection => connection.GetTable<TEntity>().Where(predicate).DeleteAsync());

    public Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters) =>
        WriteAsync(connection => new CommandInfo(connection, sql, dataParameters).ExecuteAsync());

    private async Task<int> WriteAsync(Func<DataConnection, Task<int>> write)
    {
        await using var connection = new DataConnection(_options);
        try
        {
            return await write(connection);
        }
        catch (DbException exception) when (_database.Engine.IsUniqueViolation(exception))
        {
            _database.CountUniqueViolation();
            throw;
        }
    }
}
