using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>F lines; const values are shown because they are compiled into the caller.</summary>
public static class FieldFacts
{
    public static IEnumerable<FieldInfo> Listed(Type type) =>
        type.GetFields(MemberFlags.Declared)
            .Where(f => !f.IsSpecialName && AccessFormatter.Of(f) is not null && !ReflectionFacts.IsCompilerGenerated(f));

    public static string Describe(FieldInfo field, string typeName)
    {
        var line = $"F {typeName} {AccessFormatter.Of(field)} {ModifierFormatter.Of(field)} {TypeNameFormatter.Format(field.FieldType)} {field.Name}";
        if (!field.IsLiteral)
            return line;

        var value = field.GetRawConstantValue();
        // Enum members show their number; a const of an enum type elsewhere shows the member name, like a default.
        var shown = field.DeclaringType!.IsEnum && value is not null
            ? ConstantFormatter.FormatPrimitive(value)
            : ConstantFormatter.Format(value, field.FieldType);
        return $"{line} = {shown}";
    }
}
