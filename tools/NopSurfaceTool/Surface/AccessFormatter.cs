using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Maps metadata accessibility to the two levels the surface lists; null means "not part of the surface".
/// protected internal counts as protected, private protected and internal do not count.</summary>
public static class AccessFormatter
{
    public const string Public = "public";
    public const string Protected = "protected";

    public static string? Of(MethodBase method) =>
        method.IsPublic ? Public : method.IsFamily || method.IsFamilyOrAssembly ? Protected : null;

    public static string? Of(FieldInfo field) =>
        field.IsPublic ? Public : field.IsFamily || field.IsFamilyOrAssembly ? Protected : null;

    /// <summary>Nested types use their own access; top-level types are listed only when public.</summary>
    public static string? Of(Type type)
    {
        if (!type.IsNested)
            return type.IsPublic ? Public : null;
        return type.IsNestedPublic ? Public : type.IsNestedFamily || type.IsNestedFamORAssem ? Protected : null;
    }

    public static string MoreAccessible(string? first, string? second) =>
        first == Public || second == Public ? Public : Protected;
}
