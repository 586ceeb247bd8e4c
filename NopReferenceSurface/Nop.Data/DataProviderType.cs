namespace Nop.Data;

/// <summary>Reference surface: the database engine a store runs on.</summary>
public enum DataProviderType
{
    Unknown = 0,
    SqlServer = 1,
    MySql = 2,
    PostgreSQL = 3,
}
