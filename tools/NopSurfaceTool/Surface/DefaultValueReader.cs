using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Reads a parameter's default from metadata. Most defaults sit in the Constant table; decimal defaults cannot,
/// so C# stores them in a DecimalConstantAttribute instead.
/// </summary>
public static class DefaultValueReader
{
    public static bool TryRead(ParameterInfo parameter, out object? value)
    {
        value = null;
        if ((parameter.Attributes & ParameterAttributes.HasDefault) != 0)
        {
            value = parameter.RawDefaultValue;
            if (value == DBNull.Value || value == Missing.Value)
                value = null;
            return true;
        }

        var decimalConstant = ReflectionFacts.FindAttribute(parameter, "System.Runtime.CompilerServices.DecimalConstantAttribute");
        if (decimalConstant is not null)
        {
            value = DecimalFrom(decimalConstant);
            return value is not null;
        }
        return false;
    }

    /// <summary>DecimalConstantAttribute(byte scale, byte sign, uint or int hi, mid, lo).</summary>
    public static decimal? DecimalFrom(CustomAttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        if (args.Count != 5)
            return null;
        var scale = Convert.ToByte(args[0].Value);
        var negative = Convert.ToByte(args[1].Value) != 0;
        var hi = unchecked((int)Convert.ToInt64(args[2].Value));
        var mid = unchecked((int)Convert.ToInt64(args[3].Value));
        var lo = unchecked((int)Convert.ToInt64(args[4].Value));
        return new decimal(lo, mid, hi, negative, scale);
    }
}
