using LinqToDB.Data;
using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof.Sqlite;

/// <summary>
/// nopCommerce's data provider over <see cref="SqliteDatabase"/>, for the plugin's guarded UPDATEs: the statement runs
/// as written (double-quoted names, <c>@name</c> parameters) on its own connection. Values are stored the way
/// <see cref="SqliteRows{T}"/> stores them (dates as ticks, booleans as 0/1).
/// </summary>
public sealed class SqliteDataProvider(SqliteDatabase database) : INopDataProvider
{
    public Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in dataParameters)
        {
            command.Parameters.AddWithValue("@" + parameter.Name, parameter.Value switch
            {
                DateTime date => date.Ticks,
                bool flag => flag ? 1 : 0,
                null => DBNull.Value,
                var other => other,
            });
        }

        return Task.FromResult(command.ExecuteNonQuery());
    }
}
