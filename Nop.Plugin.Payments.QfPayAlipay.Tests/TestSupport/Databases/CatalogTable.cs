namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>A table as an engine's catalog describes it (information_schema, pg_catalog, PRAGMA), read back after the migrations ran.</summary>
public sealed record CatalogTable(string Name, IReadOnlyList<CatalogColumn> Columns, IReadOnlyList<CatalogIndex> Indexes)
{
    public CatalogColumn Column(string name) =>
        Columns.SingleOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"{Name} has no column {name}.");
}

/// <param name="Type">The engine's type name, lower case, without length (e.g. "citext", "varchar", "timestamp", "datetime").</param>
/// <param name="MaxLength">Characters, for character types that have a limit; null for unbounded ones.</param>
/// <param name="Precision">Fractional-second digits of date/time types, digits of decimals; null elsewhere.</param>
/// <param name="Scale">Decimal places of decimals; null elsewhere.</param>
/// <param name="Collation">The column's collation where the engine has one per column (MariaDB, SQLite); null elsewhere.</param>
/// <param name="IsIdentity">Filled by the engine on insert (serial, AUTO_INCREMENT, INTEGER PRIMARY KEY).</param>
public sealed record CatalogColumn(string Name, string Type, int? MaxLength, bool IsNullable, int? Precision, int? Scale, string? Collation, bool IsIdentity);

public sealed record CatalogIndex(string Name, bool IsUnique, bool IsPrimaryKey, IReadOnlyList<string> Columns);
