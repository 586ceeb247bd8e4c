namespace NopSurfaceTool.Surface;

/// <summary>The kind token of a T line, with "protected-" for protected nested types.</summary>
public static class TypeKindClassifier
{
    public static string Classify(Type type)
    {
        var prefix = AccessFormatter.Of(type) == AccessFormatter.Protected ? "protected-" : "";
        return prefix + BareKind(type);
    }

    private static string BareKind(Type type)
    {
        if (type.IsInterface)
            return "interface";
        if (type.IsEnum)
            return "enum";
        if (type.IsValueType)
            return "struct";
        if (ReflectionFacts.IsDelegate(type))
            return "delegate";

        var noun = ReflectionFacts.IsRecord(type) ? "record" : "class";
        if (type.IsAbstract && type.IsSealed)
            return "static-" + noun;
        if (type.IsAbstract)
            return "abstract-" + noun;
        if (type.IsSealed)
            return "sealed-" + noun;
        return noun;
    }
}
