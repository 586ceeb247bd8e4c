namespace NopSurfaceTool.Surface;

/// <summary>The T, B, I and type-level G lines of a type.</summary>
public static class TypeHeaderFacts
{
    private static readonly HashSet<string> UnlistedBaseTypes =
        ["System.Object", "System.ValueType", "System.Enum", "System.MulticastDelegate"];

    public static IEnumerable<string> TypeLine(Type type, string typeName) =>
        [$"T {type.Assembly.GetName().Name} {TypeKindClassifier.Classify(type)} {typeName}"];

    public static IEnumerable<string> BaseLine(Type type, string typeName) =>
        !type.IsInterface && type.BaseType is { } baseType && !UnlistedBaseTypes.Contains(baseType.FullName ?? "")
            ? [$"B {typeName} {TypeNameFormatter.Format(baseType)}"]
            : [];

    /// <summary>Interfaces the base class does not already bring; compared by name because constructed types
    /// from different lookups need not be the same object.</summary>
    public static IEnumerable<string> InterfaceLines(Type type, string typeName)
    {
        var inherited = type.BaseType is { } baseType
            ? baseType.GetInterfaces().Select(TypeNameFormatter.Format).ToHashSet(StringComparer.Ordinal)
            : [];
        return type.GetInterfaces().Select(TypeNameFormatter.Format).Where(i => !inherited.Contains(i))
            .Select(i => $"I {typeName} {i}").ToList();
    }

    public static IEnumerable<string> GenericLines(Type type, string typeName) =>
        GenericConstraintFormatter.Describe(OwnGenericParameters(type)).Select(c => $"G {typeName} {c}").ToList();

    /// <summary>A nested type repeats its enclosing type's generic parameters in metadata; those belong to the outer G lines.</summary>
    public static IEnumerable<Type> OwnGenericParameters(Type type)
    {
        if (!type.IsGenericTypeDefinition)
            return [];
        var all = type.GetGenericArguments();
        return all.Skip(all.Length - TypeNameFormatter.OwnGenericParameterCount(type));
    }
}
