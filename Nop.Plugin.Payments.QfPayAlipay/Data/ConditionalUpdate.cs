using System.Globalization;
using System.Text;
using LinqToDB.Data;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// One row's UPDATE that happens only if the row still is what the caller expects, e.g.
/// <c>UPDATE "QfPayPaymentAttempt" SET "StatusId" = @s0 WHERE "Id" = @id AND "StatusId" IN (@w0, @w1)</c>.
/// nopCommerce's IRepository.UpdateAsync writes every column of a copy read earlier, so two requests that read the same
/// row could each put their own status back over the other's (a status check writing "awaiting payment" over a "paid"
/// written a moment before). A statement guarded by the expected state cannot: of two such writers, the database lets
/// one change the row, and the other learns from the row count that it lost. See docs/money-invariants.md, "No lost updates".
/// </summary>
/// <remarks>
/// Column and table names are the plugin's own (entity and property names), never input; every value is a parameter.
/// A null value is written as the literal NULL, which each engine accepts for any column type.
/// </remarks>
public sealed class RowUpdate
{
    private readonly List<(string Column, object? Value)> _set = [];
    private readonly List<(string Column, string Operator, object? Value)> _where = [];
    private readonly List<(string Column, int[] Values)> _whereIn = [];

    private RowUpdate(string table, int id)
    {
        Table = table;
        Id = id;
    }

    public string Table { get; }

    public int Id { get; }

    public static RowUpdate Of<TEntity>(int id) where TEntity : BaseEntity => new(typeof(TEntity).Name, id);

    public RowUpdate Set(string column, object? value)
    {
        _set.Add((column, value));
        return this;
    }

    /// <summary>Only if <paramref name="column"/> holds one of <paramref name="values"/> (e.g. the statuses a change may start from).</summary>
    public RowUpdate WhereIn(string column, IEnumerable<int> values)
    {
        _whereIn.Add((column, values.ToArray()));
        return this;
    }

    /// <summary>Only if <paramref name="column"/> equals <paramref name="value"/> (null: IS NULL).</summary>
    public RowUpdate WhereEquals(string column, object? value)
    {
        _where.Add((column, "=", value));
        return this;
    }

    /// <summary>Only if <paramref name="column"/> is earlier (smaller) than <paramref name="value"/>.</summary>
    public RowUpdate WhereBefore(string column, object value)
    {
        _where.Add((column, "<", value));
        return this;
    }

    /// <summary>The statement and its parameters in <paramref name="dialect"/>.</summary>
    public (string Sql, DataParameter[] Parameters) Build(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (_set.Count == 0)
            throw new InvalidOperationException("An UPDATE needs at least one column to set.");

        var parameters = new List<DataParameter>();
        var sql = new StringBuilder("UPDATE ").Append(dialect.Quote(Table)).Append(" SET ");
        for (var i = 0; i < _set.Count; i++)
        {
            var (column, value) = _set[i];
            sql.Append(i == 0 ? string.Empty : ", ").Append(dialect.Quote(column)).Append(" = ");
            sql.Append(value is null ? "NULL" : Parameter(parameters, "s", value));
        }

        sql.Append(" WHERE ").Append(dialect.Quote(nameof(BaseEntity.Id))).Append(" = ").Append(Parameter(parameters, "id", Id));
        foreach (var (column, op, value) in _where)
        {
            sql.Append(" AND ").Append(dialect.Quote(column));
            sql.Append(value is null ? " IS NULL" : $" {op} {Parameter(parameters, "w", value)}");
        }

        foreach (var (column, values) in _whereIn)
        {
            // No allowed value: a guard nothing satisfies, never one that everything does.
            sql.Append(values.Length == 0
                ? " AND 1 = 0"
                : $" AND {dialect.Quote(column)} IN ({string.Join(", ", values.Select(v => Parameter(parameters, "w", v)))})");
        }

        return (sql.ToString(), parameters.ToArray());
    }

    private static string Parameter(List<DataParameter> parameters, string prefix, object value)
    {
        var name = prefix == "id" ? "id" : string.Create(CultureInfo.InvariantCulture, $"{prefix}{parameters.Count}");
        parameters.Add(new DataParameter(name, value));
        return "@" + name;
    }
}

/// <summary>Runs <see cref="RowUpdate"/>s against the store's database through nopCommerce's data provider.</summary>
public class ConditionalUpdate
{
    private readonly INopDataProvider _dataProvider;
    private readonly SqlDialect _dialect;

    public ConditionalUpdate(INopDataProvider dataProvider, SqlDialect dialect)
    {
        _dataProvider = dataProvider;
        _dialect = dialect;
    }

    /// <summary>True when the row was changed; false when it no longer was what the guard expects (or is gone).</summary>
    public virtual async Task<bool> ApplyAsync(RowUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        var (sql, parameters) = update.Build(_dialect);
        return await _dataProvider.ExecuteNonQueryAsync(sql, parameters) > 0;
    }
}

/// <summary>
/// How the store's database quotes a table or column name in the plugin's few hand-written statements (the conditional
/// UPDATEs in <see cref="ConditionalUpdate"/>). nopCommerce creates the plugin's tables with quoted, case-preserving
/// names: double quotes on SQL Server, PostgreSQL (and SQLite, in the tests), backticks on MySQL and MariaDB.
/// Parameters are written <c>@name</c>, which every engine's ADO.NET driver understands.
/// </summary>
public sealed class SqlDialect
{
    public static SqlDialect DoubleQuotes { get; } = new('"', '"');

    public static SqlDialect Backticks { get; } = new('`', '`');

    private readonly char _open;
    private readonly char _close;

    private SqlDialect(char open, char close)
    {
        _open = open;
        _close = close;
    }

    /// <summary>The dialect of the engine the store runs on (nopCommerce's data settings).</summary>
    public static SqlDialect ForStore() => For(DataSettingsManager.LoadSettings().DataProvider);

    public static SqlDialect For(DataProviderType provider) => provider == DataProviderType.MySql ? Backticks : DoubleQuotes;

    /// <summary>A table or column name, quoted. Names are the plugin's own (entity and property names), never input.</summary>
    public string Quote(string name) => string.Concat(_open.ToString(), name, _close.ToString());
}
