namespace Nop.Data.Migrations;

/// <summary>Reference surface (complete): when a migration runs.</summary>
public enum MigrationProcessType
{
    NoMatter = 0,
    Installation = 1,
    Update = 2
}
