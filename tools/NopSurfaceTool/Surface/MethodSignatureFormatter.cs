using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Writes "Name&lt;G1,G2&gt;(params)", the part shared by M and G lines.</summary>
public static class MethodSignatureFormatter
{
    public static string NameAndParameters(MethodBase method)
    {
        var generics = method.IsGenericMethodDefinition
            ? "<" + string.Join(',', method.GetGenericArguments().Select(a => a.Name)) + ">"
            : "";
        var parameters = ParameterFormatter.FormatList(method.GetParameters(), ReflectionFacts.IsExtensionMethod(method));
        return $"{method.Name}{generics}({parameters})";
    }

    public static string ReturnType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (!type.IsByRef)
            return TypeNameFormatter.Format(type);
        var isReadOnly = ReflectionFacts.HasAttribute(method.ReturnParameter, "System.Runtime.CompilerServices.IsReadOnlyAttribute");
        return (isReadOnly ? "ref readonly " : "ref ") + TypeNameFormatter.Format(type.GetElementType()!);
    }
}
