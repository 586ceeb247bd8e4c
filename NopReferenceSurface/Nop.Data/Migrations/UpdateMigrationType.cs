namespace Nop.Data.Migrations;

/// <summary>Reference surface (complete): kind of a nopCommerce update migration.</summary>
public enum UpdateMigrationType
{
    Data = 5,
    Localization = 10,
    Settings = 15
}
