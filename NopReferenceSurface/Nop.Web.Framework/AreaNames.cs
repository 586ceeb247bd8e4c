namespace Nop.Web.Framework;

/// <summary>Reference surface (subset): MVC area names.</summary>
public static partial class AreaNames
{
    public const string ADMIN = "Admin";
}
