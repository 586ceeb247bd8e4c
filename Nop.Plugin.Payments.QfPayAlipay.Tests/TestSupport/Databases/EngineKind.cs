namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>The database engines the proofs run on: SQLite always; PostgreSQL and MariaDB when CI (or a developer) started them.</summary>
public enum EngineKind
{
    Sqlite,
    PostgreSql,
    MariaDb,
}
