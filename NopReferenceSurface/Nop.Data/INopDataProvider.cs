using System.Threading.Tasks;
using LinqToDB.Data;

namespace Nop.Data;

/// <summary>
/// Reference surface (subset): nopCommerce's data provider. The plugin uses only the parameterised statement, for
/// the conditional UPDATEs that IRepository cannot express (a status that may only move forward).
/// </summary>
public partial interface INopDataProvider
{
    Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters);
}
