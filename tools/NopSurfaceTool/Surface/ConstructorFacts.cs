using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>C lines: instance constructors only; a static constructor is not callable, so it is not surface.</summary>
public static class ConstructorFacts
{
    public static IEnumerable<ConstructorInfo> Listed(Type type) =>
        type.GetConstructors(MemberFlags.Declared)
            .Where(c => !c.IsStatic && AccessFormatter.Of(c) is not null && !ReflectionFacts.IsCompilerGenerated(c));

    public static string Describe(ConstructorInfo constructor, string typeName) =>
        $"C {typeName} {AccessFormatter.Of(constructor)} .ctor({ParameterFormatter.FormatList(constructor.GetParameters())})";
}
