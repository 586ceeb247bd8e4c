using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Public top-level types and, inside them, public or protected nested types, minus compiler-generated ones.</summary>
public static class ListedTypes
{
    public static IEnumerable<Type> Of(Assembly assembly, Action<string> warn)
    {
        Type[] all;
        try
        {
            all = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            foreach (var loaderException in e.LoaderExceptions.OfType<Exception>())
                warn($"{assembly.GetName().Name}: {loaderException.Message}");
            all = e.Types.OfType<Type>().ToArray();
        }

        foreach (var type in all.Where(t => !t.IsNested && IsListed(t)))
        {
            foreach (var listed in WithNested(type))
                yield return listed;
        }
    }

    private static IEnumerable<Type> WithNested(Type type)
    {
        yield return type;
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Where(IsListed))
        {
            foreach (var listed in WithNested(nested))
                yield return listed;
        }
    }

    private static bool IsListed(Type type) =>
        AccessFormatter.Of(type) is not null && !ReflectionFacts.IsCompilerGenerated(type);
}
