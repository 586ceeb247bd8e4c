namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>What an insert into a uniquely indexed table did. Failure is normal here, so it is returned, not thrown.</summary>
public enum UniqueInsert
{
    /// <summary>The row is ours.</summary>
    Inserted,

    /// <summary>A row with the same unique key already exists (someone else won).</summary>
    Duplicate,

    /// <summary>The database failed for another reason (connection, timeout, deadlock): nothing is known, try later.</summary>
    Failed,
}
