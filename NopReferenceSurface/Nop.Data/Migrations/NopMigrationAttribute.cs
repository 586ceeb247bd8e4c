using FluentMigrator;

namespace Nop.Data.Migrations;

/// <summary>
/// Reference surface (all constructors): marks a nopCommerce migration. The real attribute is instantiated
/// from the plugin's metadata at run time, so the constructor signatures (and the defaults compiled into
/// the plugin) are what matter. Here the constructors only pass the description on; the version the real
/// attribute derives from <c>dateTime</c> is not computed.
/// </summary>
public partial class NopMigrationAttribute : MigrationAttribute
{
    public NopMigrationAttribute(string dateTime,
        MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(0, null)
    {
    }

    public NopMigrationAttribute(string dateTime, string description,
        MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(0, description)
    {
    }

    public NopMigrationAttribute(string dateTime, string nopVersion, UpdateMigrationType updateMigrationType,
        MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : base(0, null)
    {
    }

    protected NopMigrationAttribute(MigrationConfig config)
        : base(0, null)
    {
    }

    /// <summary>
    /// Reference surface (subset): settings of a migration; declared only because the protected constructor
    /// names it. The implicit public constructor matches the real one.
    /// </summary>
    protected partial class MigrationConfig
    {
    }
}
