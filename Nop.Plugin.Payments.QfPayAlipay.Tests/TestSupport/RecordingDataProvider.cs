using LinqToDB.Data;
using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>An <see cref="INopDataProvider"/> that keeps the statements it is given and answers with a set row count.</summary>
public sealed class RecordingDataProvider : INopDataProvider
{
    private readonly List<(string Sql, DataParameter[] Parameters)> _statements = [];

    /// <summary>What every statement reports as changed (1: the guard matched; 0: it did not).</summary>
    public int RowsAffected { get; set; } = 1;

    public IReadOnlyList<(string Sql, DataParameter[] Parameters)> Statements => _statements;

    public Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters)
    {
        _statements.Add((sql, dataParameters));
        return Task.FromResult(RowsAffected);
    }
}
