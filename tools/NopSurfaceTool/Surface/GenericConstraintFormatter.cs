using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Produces the text after "G &lt;Type&gt; [method ]" for each generic parameter that has constraints or variance:
/// "[in |out ]Param : class|struct|unmanaged, Types..., new()".
/// </summary>
public static class GenericConstraintFormatter
{
    private const GenericParameterAttributes AllowsRefStruct = (GenericParameterAttributes)0x20;

    public static IEnumerable<string> Describe(IEnumerable<Type> genericParameters)
    {
        foreach (var parameter in genericParameters)
        {
            var text = Describe(parameter);
            if (text is not null)
                yield return text;
        }
    }

    public static string? Describe(Type parameter)
    {
        var attributes = parameter.GenericParameterAttributes;
        var variance = (attributes & GenericParameterAttributes.VarianceMask) switch
        {
            GenericParameterAttributes.Covariant => "out ",
            GenericParameterAttributes.Contravariant => "in ",
            _ => "",
        };

        var constraints = Constraints(parameter, attributes);
        if (constraints.Count == 0 && variance.Length == 0)
            return null;
        var text = variance + parameter.Name;
        return constraints.Count == 0 ? text : text + " : " + string.Join(", ", constraints);
    }

    private static List<string> Constraints(Type parameter, GenericParameterAttributes attributes)
    {
        var isStruct = (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
        var constraints = new List<string>();
        if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            constraints.Add("class");
        if (isStruct)
            constraints.Add(ReflectionFacts.HasAttribute(parameter, "System.Runtime.CompilerServices.IsUnmanagedAttribute") ? "unmanaged" : "struct");

        // A struct constraint is stored as ValueType plus new(); C# shows neither.
        constraints.AddRange(parameter.GetGenericParameterConstraints()
            .Where(c => !(isStruct && c.FullName == "System.ValueType"))
            .Select(TypeNameFormatter.Format)
            .Order(StringComparer.Ordinal));

        if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !isStruct)
            constraints.Add("new()");
        if ((attributes & AllowsRefStruct) != 0)
            constraints.Add("allows ref struct");
        return constraints;
    }
}
