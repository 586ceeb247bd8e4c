using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>P lines: "access mods Type Name[index] { get; protected set; }" built from the listed accessors.</summary>
public static class PropertyFacts
{
    public static IEnumerable<PropertyInfo> Listed(Type type) =>
        type.GetProperties(MemberFlags.Declared)
            .Where(p => !ReflectionFacts.IsCompilerGenerated(p) && (Listed(p.GetMethod) is not null || Listed(p.SetMethod) is not null));

    public static string Describe(PropertyInfo property, string typeName)
    {
        var getter = Listed(property.GetMethod);
        var setter = Listed(property.SetMethod);
        var access = AccessFormatter.MoreAccessible(Access(getter), Access(setter));
        var mods = ModifierFormatter.Of((getter ?? setter)!);

        var accessors = new List<string>(2);
        if (getter is not null)
            accessors.Add(Prefix(getter, access) + "get;");
        if (setter is not null)
            accessors.Add(Prefix(setter, access) + (IsInitOnly(setter) ? "init;" : "set;"));

        return $"P {typeName} {access} {mods} {PropertyType(property)} {NameWithIndex(property)} {{ {string.Join(' ', accessors)} }}";
    }

    private static MethodInfo? Listed(MethodInfo? accessor) =>
        accessor is not null && AccessFormatter.Of(accessor) is not null ? accessor : null;

    private static string? Access(MethodInfo? accessor) => accessor is null ? null : AccessFormatter.Of(accessor);

    private static string Prefix(MethodInfo accessor, string propertyAccess)
    {
        var own = AccessFormatter.Of(accessor)!;
        return own == propertyAccess ? "" : own + " ";
    }

    /// <summary>init is only visible as a required modifier (IsExternalInit) on the setter's return type.</summary>
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string PropertyType(PropertyInfo property)
    {
        var type = property.PropertyType;
        return type.IsByRef ? "ref " + TypeNameFormatter.Format(type.GetElementType()!) : TypeNameFormatter.Format(type);
    }

    private static string NameWithIndex(PropertyInfo property)
    {
        var index = property.GetIndexParameters();
        return index.Length == 0 ? property.Name : $"{property.Name}[{ParameterFormatter.FormatList(index)}]";
    }
}
