using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Writes "[this ][params ][ref |out |in |ref readonly ]Type name[ = default]" lists.</summary>
public static class ParameterFormatter
{
    public static string FormatList(IReadOnlyList<ParameterInfo> parameters, bool firstIsThis = false) =>
        string.Join(", ", parameters.Select((p, i) => Format(p, firstIsThis && i == 0)));

    public static string Format(ParameterInfo parameter, bool isThis = false)
    {
        var text = isThis ? "this " : "";
        if (IsParams(parameter))
            text += "params ";
        text += RefKind(parameter) + TypeNameFormatter.Format(parameter.ParameterType);
        if (!string.IsNullOrEmpty(parameter.Name))
            text += " " + parameter.Name;
        if (DefaultValueReader.TryRead(parameter, out var value))
            text += " = " + ConstantFormatter.Format(value, Unref(parameter.ParameterType));
        return text;
    }

    private static bool IsParams(ParameterInfo parameter) =>
        ReflectionFacts.HasAttribute(parameter, "System.ParamArrayAttribute")
        || ReflectionFacts.HasAttribute(parameter, "System.Runtime.CompilerServices.ParamCollectionAttribute");

    private static string RefKind(ParameterInfo parameter)
    {
        if (!parameter.ParameterType.IsByRef)
            return "";
        if (ReflectionFacts.HasAttribute(parameter, "System.Runtime.CompilerServices.RequiresLocationAttribute"))
            return "ref readonly ";
        if (ReflectionFacts.HasAttribute(parameter, "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            return "in ";
        if (parameter.IsOut && !parameter.IsIn)
            return "out ";
        return "ref ";
    }

    private static Type Unref(Type type) => type.IsByRef ? type.GetElementType()! : type;
}
