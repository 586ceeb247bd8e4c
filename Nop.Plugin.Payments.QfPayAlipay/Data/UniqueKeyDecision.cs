using System.Data.Common;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// After an INSERT failed with a <see cref="DbException"/>: if a row with the key exists now, the failure was the
/// unique index (someone else inserted it); if not, it was something else (connection, timeout) and nothing is known.
/// </summary>
internal static class UniqueKeyDecision
{
    public static async Task<UniqueInsert> AfterFailedInsertAsync<T>(Func<Task<T?>> findByKey) where T : class
    {
        try
        {
            return await findByKey() is null ? UniqueInsert.Failed : UniqueInsert.Duplicate;
        }
        catch (DbException)
        {
            return UniqueInsert.Failed;
        }
    }
}
