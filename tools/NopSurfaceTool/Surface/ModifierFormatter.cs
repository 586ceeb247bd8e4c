using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Derives "static abstract virtual override sealed" from method flags. MetadataLoadContext cannot answer
/// GetBaseDefinition(), so "override" is read from the vtable layout: a virtual method that reuses a slot.
/// </summary>
public static class ModifierFormatter
{
    public static string Of(MethodInfo method)
    {
        var isInterface = method.DeclaringType?.IsInterface == true;
        var isOverride = !isInterface && !method.IsStatic && method.IsVirtual
                         && (method.Attributes & MethodAttributes.VtableLayoutMask) == MethodAttributes.ReuseSlot;

        var mods = new List<string>(3);
        if (method.IsStatic)
            mods.Add("static");
        if (method.IsAbstract)
            mods.Add("abstract");
        if (method.IsVirtual && !method.IsAbstract && !method.IsFinal && !isOverride)
            mods.Add("virtual");
        if (isOverride)
            mods.Add("override");
        if (isOverride && method.IsFinal)
            mods.Add("sealed");
        return mods.Count == 0 ? "-" : string.Join(' ', mods);
    }

    public static string Of(FieldInfo field)
    {
        if (field.IsLiteral)
            return "const";
        return (field.IsStatic, field.IsInitOnly) switch
        {
            (true, true) => "static readonly",
            (true, false) => "static",
            (false, true) => "readonly",
            _ => "-",
        };
    }
}
