using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof.Sqlite;

/// <summary>
/// nopCommerce's <see cref="IRepository{TEntity}"/> over <see cref="SqliteDatabase"/>, enough for the plugin's
/// Repository* stores. An INSERT that breaks a unique index throws the provider's real <see cref="SqliteException"/>
/// (a DbException), so the plugin's own UniqueKeyDecision tells the duplicate apart, as it must on any database.
/// Queries load the (small) table and run the store's LINQ in memory; only the writes need the database's semantics.
/// </summary>
public sealed class SqliteRepository<T>(SqliteDatabase database) : IRepository<T> where T : BaseEntity, new()
{
    private const int SqliteConstraint = 19;

    private static readonly string Table = typeof(T).Name;
    private static readonly string ColumnList = string.Join(", ", SqliteRows<T>.Columns.Select(static p => p.Name));
    private static readonly string ParameterList = string.Join(", ", SqliteRows<T>.Columns.Select(static p => "@" + p.Name));
    private static readonly string Assignments = string.Join(", ", SqliteRows<T>.Columns.Select(static p => $"{p.Name} = @{p.Name}"));

    IQueryable<T> IRepository<T>.Table => ReadAll().AsQueryable();

    public Task<T> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false) =>
        Task.FromResult(ReadAll().FirstOrDefault(e => e.Id == id)!);

    public Task<IList<T>> GetAllAsync(Func<IQueryable<T>, IQueryable<T>>? func = null, Func<ICacheKeyService, CacheKey>? getCacheKey = null,
        bool includeDeleted = true)
    {
        var rows = ReadAll().AsQueryable();
        return Task.FromResult<IList<T>>((func is null ? rows : func(rows)).ToList());
    }

    public Task InsertAsync(T entity, bool publishEvent = true)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Table} ({ColumnList}) VALUES ({ParameterList}); SELECT last_insert_rowid();";
        SqliteRows<T>.Bind(command, entity);
        try
        {
            entity.Id = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint)
        {
            database.CountUniqueViolation();
            throw;
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(T entity, bool publishEvent = true)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Table} SET {Assignments} WHERE Id = @Id";
        SqliteRows<T>.Bind(command, entity);
        command.Parameters.AddWithValue("@Id", entity.Id);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(T entity, bool publishEvent = true)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE Id = @Id";
        command.Parameters.AddWithValue("@Id", entity.Id);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public async Task<int> DeleteAsync(Expression<Func<T, bool>> predicate)
    {
        var doomed = ReadAll().AsQueryable().Where(predicate).ToList();
        foreach (var entity in doomed)
            await DeleteAsync(entity);
        return doomed.Count;
    }

    public List<T> ReadAll()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Table} ORDER BY Id";
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(SqliteRows<T>.Read(reader));
        return rows;
    }
}
