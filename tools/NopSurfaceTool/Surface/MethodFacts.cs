using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>M lines and method-level G lines. Accessors belong to P/E lines; operators stay as M lines.</summary>
public static class MethodFacts
{
    public static IEnumerable<MethodInfo> Listed(Type type) =>
        type.GetMethods(MemberFlags.Declared)
            .Where(m => (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))
                        && AccessFormatter.Of(m) is not null
                        && !ReflectionFacts.IsCompilerGenerated(m));

    public static IEnumerable<string> Describe(MethodInfo method, string typeName)
    {
        var signature = MethodSignatureFormatter.NameAndParameters(method);
        yield return $"M {typeName} {AccessFormatter.Of(method)} {ModifierFormatter.Of(method)} {MethodSignatureFormatter.ReturnType(method)} {signature}";

        if (!method.IsGenericMethodDefinition)
            yield break;
        foreach (var constraint in GenericConstraintFormatter.Describe(method.GetGenericArguments()))
            yield return $"G {typeName} {signature} {constraint}";
    }

    /// <summary>A delegate's surface is its Invoke signature; the runtime-provided methods are noise.</summary>
    public static IEnumerable<string> DescribeDelegateInvoke(Type delegateType, string typeName)
    {
        var invoke = delegateType.GetMethod("Invoke", MemberFlags.Declared);
        if (invoke is null)
            yield break;
        yield return $"M {typeName} public - {MethodSignatureFormatter.ReturnType(invoke)} {MethodSignatureFormatter.NameAndParameters(invoke)}";
    }
}
