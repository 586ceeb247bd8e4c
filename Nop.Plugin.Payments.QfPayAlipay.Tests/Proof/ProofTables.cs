using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>Where a proof suite keeps the plugin's tables: in memory, or in a fresh database on one of the engines stores run.</summary>
public enum ProofTables
{
    InMemory,
    SQLite,
    PostgreSQL,
    MariaDB,
}

public static class ProofDatabases
{
    /// <summary>Every place a proof suite runs.</summary>
    public static readonly ProofTables[] All = [ProofTables.InMemory, ProofTables.SQLite, ProofTables.PostgreSQL, ProofTables.MariaDB];

    /// <summary>The database engines only.</summary>
    public static readonly ProofTables[] Engines = [ProofTables.SQLite, ProofTables.PostgreSQL, ProofTables.MariaDB];

    /// <summary>
    /// A fresh database with the plugin installed, or null for in memory. An engine this run cannot reach ignores the test
    /// with the reason (fails it on CI): see <see cref="TestEngines"/>.
    /// </summary>
    public static async Task<EngineDatabase?> CreateAsync(ProofTables tables, string purpose) => tables switch
    {
        ProofTables.InMemory => null,
        ProofTables.SQLite => await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(EngineKind.Sqlite), purpose),
        ProofTables.PostgreSQL => await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(EngineKind.PostgreSql), purpose),
        ProofTables.MariaDB => await EngineDatabase.CreateAsync(await TestEngines.RequireAsync(EngineKind.MariaDb), purpose),
        _ => throw new ArgumentOutOfRangeException(nameof(tables), tables, null),
    };
}
