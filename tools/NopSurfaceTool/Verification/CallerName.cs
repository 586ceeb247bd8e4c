using System.Reflection;
using NopSurfaceTool.Surface;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Names a method as Type::Method. Async bodies and lambdas live in compiler-generated types, so the failure is
/// attributed to the source method that contains them, with the generated member in brackets.
/// </summary>
internal static class CallerName
{
    public static string Of(MethodBase method)
    {
        var type = method.DeclaringType;
        string? sourceMethod = null;
        while (type is not null && type.Name.StartsWith('<'))
        {
            sourceMethod ??= NameInsideBrackets(type.Name);
            type = type.DeclaringType;
        }

        if (method.Name.StartsWith('<'))
            sourceMethod = NameInsideBrackets(method.Name) ?? sourceMethod;

        var typeName = type is null ? "<module>" : TypeNameFormatter.Format(type);
        if (sourceMethod is null && ReferenceEquals(type, method.DeclaringType))
            return $"{typeName}::{method.Name}";
        return $"{typeName}::{sourceMethod ?? "?"} [{method.DeclaringType!.Name}::{method.Name}]";
    }

    public static string Of(Type type) => TypeNameFormatter.Format(type);

    private static string? NameInsideBrackets(string generatedName)
    {
        var close = generatedName.IndexOf('>');
        return close > 1 ? generatedName[1..close] : null;
    }
}
