using System.Text;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Writes type names the way the surface format wants them: namespace-qualified CLR names, '+' between nested
/// segments, each segment with only its own generic parameters or arguments, no nullable-reference annotations.
/// </summary>
public static class TypeNameFormatter
{
    public static string Format(Type type)
    {
        if (type.IsByRef || type.IsPointer)
            return Format(type.GetElementType()!) + (type.IsPointer ? "*" : "");
        if (type.IsArray)
            return Format(type.GetElementType()!) + ArraySuffix(type);
        if (type.IsGenericParameter)
            return type.Name;
        if (type.IsFunctionPointer)
            return type.ToString();
        return FormatNamed(type);
    }

    /// <summary>The name without its generic arity suffix ("List`1" → "List").</summary>
    public static string StripArity(string name)
    {
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>How many generic parameters a type adds on top of those it inherits from its enclosing type.</summary>
    public static int OwnGenericParameterCount(Type definition)
    {
        var total = definition.IsGenericType ? definition.GetGenericArguments().Length : 0;
        var inherited = definition.DeclaringType is { IsGenericType: true } outer ? outer.GetGenericArguments().Length : 0;
        return Math.Max(0, total - inherited);
    }

    private static string ArraySuffix(Type array)
    {
        if (array.IsSZArray)
            return "[]";
        var rank = array.GetArrayRank();
        return rank == 1 ? "[*]" : "[" + new string(',', rank - 1) + "]";
    }

    private static string FormatNamed(Type type)
    {
        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var definition = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;

        var segments = new List<Type>();
        for (var segment = definition; segment is not null; segment = segment.DeclaringType)
            segments.Insert(0, segment);

        var name = new StringBuilder();
        if (!string.IsNullOrEmpty(segments[0].Namespace))
            name.Append(segments[0].Namespace).Append('.');

        var used = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
                name.Append('+');
            name.Append(StripArity(segments[i].Name));
            var own = Math.Min(OwnGenericParameterCount(segments[i]), arguments.Length - used);
            if (own <= 0)
                continue;
            name.Append('<')
                .AppendJoin(',', arguments.Skip(used).Take(own).Select(Format))
                .Append('>');
            used += own;
        }
        return name.ToString();
    }
}
