using System.Globalization;
using System.Reflection;
using System.Text;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Formats parameter defaults and const field values: C#-like literals in invariant culture, enum values by member
/// name, null or default for the null constant depending on whether the target type can hold null.
/// </summary>
public static class ConstantFormatter
{
    public static string Format(object? value, Type targetType)
    {
        var underlying = ReflectionFacts.IsNullable(targetType) ? targetType.GetGenericArguments()[0] : targetType;
        if (value is null)
            return targetType.IsValueType && !ReflectionFacts.IsNullable(targetType) ? "default" : "null";
        if (underlying.IsEnum)
            return FormatEnum(value, underlying);
        return FormatPrimitive(value);
    }

    public static string FormatPrimitive(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => Quote(s, '"'),
        char c => Quote(c.ToString(), '\''),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Enum values are stored as their underlying integer; show the member that has it, if any.</summary>
    public static string FormatEnum(object rawValue, Type enumType)
    {
        var wanted = Convert.ToDecimal(rawValue, CultureInfo.InvariantCulture);
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetRawConstantValue() is { } member
                && Convert.ToDecimal(member, CultureInfo.InvariantCulture) == wanted)
                return TypeNameFormatter.Format(enumType) + "." + field.Name;
        }
        return FormatPrimitive(rawValue);
    }

    /// <summary>Escapes like a C# literal; only the enclosing quote kind is escaped, as C# itself writes it.</summary>
    public static string Quote(string text, char quote)
    {
        var literal = new StringBuilder().Append(quote);
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '\\' => @"\\",
                '\0' => @"\0",
                '\a' => @"\a",
                '\b' => @"\b",
                '\f' => @"\f",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\v' => @"\v",
                _ when c == quote => "\\" + c,
                _ when char.IsControl(c) || c > '\u007e' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return literal.Append(quote).ToString();
    }
}
