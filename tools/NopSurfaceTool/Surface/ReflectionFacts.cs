using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Small metadata questions asked by several formatters; attribute checks go by name because the
/// attribute types live in a metadata-only context.</summary>
public static class ReflectionFacts
{
    public static bool HasAttribute(MemberInfo member, string fullName) =>
        SafeAttributes(() => member.CustomAttributes).Any(a => NameOf(a) == fullName);

    public static bool HasAttribute(ParameterInfo parameter, string fullName) =>
        SafeAttributes(() => parameter.CustomAttributes).Any(a => NameOf(a) == fullName);

    public static CustomAttributeData? FindAttribute(ParameterInfo parameter, string fullName) =>
        SafeAttributes(() => parameter.CustomAttributes).FirstOrDefault(a => NameOf(a) == fullName);

    public static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name.Contains('<') || member.Name.Contains('>')
        || HasAttribute(member, "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    public static bool IsNullable(Type type) =>
        type.IsConstructedGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1";

    public static bool IsRecord(Type type) =>
        type.IsClass && type
            .GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(m => m.Name == "<Clone>$");

    public static bool IsDelegate(Type type) => type.BaseType?.FullName == "System.MulticastDelegate";

    public static bool IsExtensionMethod(MethodBase method) =>
        method.IsStatic && HasAttribute(method, "System.Runtime.CompilerServices.ExtensionAttribute");

    private static string? NameOf(CustomAttributeData attribute)
    {
        try
        {
            return attribute.AttributeType.FullName;
        }
        catch (Exception e) when (e is FileNotFoundException or TypeLoadException or FileLoadException)
        {
            return null;
        }
    }

    private static IEnumerable<CustomAttributeData> SafeAttributes(Func<IEnumerable<CustomAttributeData>> read)
    {
        try
        {
            return read().ToList();
        }
        catch (Exception e) when (e is FileNotFoundException or TypeLoadException or FileLoadException)
        {
            return [];
        }
    }
}
