using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Entry point of the surface command: the sorted, de-duplicated fact lines of the given assemblies.</summary>
public static class SurfaceWriter
{
    public static IReadOnlyList<string> Describe(IEnumerable<string> dllPaths) => Describe(dllPaths, _ => { });

    public static IReadOnlyList<string> Describe(IEnumerable<string> dllPaths, Action<string> warn)
    {
        var paths = dllPaths.Select(Path.GetFullPath).ToList();
        using var context = MetadataContextFactory.Create(paths);
        var digest = new WarningDigest();
        var collector = new TypeFactsCollector(digest.Add);
        var lines = new SortedSet<string>(StringComparer.Ordinal);

        var firstBySimpleName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            // Two files with one simple name cannot share a load context; the first one given wins. A glob over
            // several bin folders also picks up copies of referenced assemblies, which are harmless when identical.
            var simpleName = Path.GetFileNameWithoutExtension(path);
            if (!firstBySimpleName.TryAdd(simpleName, path))
            {
                if (!SameContent(firstBySimpleName[simpleName], path))
                    warn($"{path}: differs from {firstBySimpleName[simpleName]}, which was given first and is used; skipped");
                continue;
            }
            Assembly assembly;
            try
            {
                assembly = context.LoadFromAssemblyPath(path);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                warn($"{path}: {e.Message}");
                continue;
            }
            foreach (var type in ListedTypes.Of(assembly, warn))
                lines.UnionWith(collector.Collect(type));
        }
        digest.Flush(warn);
        return lines.ToList();
    }

    private static bool SameContent(string first, string second) =>
        string.Equals(first, second, StringComparison.Ordinal)
        || File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second));

    public static void Write(IEnumerable<string> lines, TextWriter output)
    {
        foreach (var line in lines)
        {
            output.Write(line);
            output.Write('\n');
        }
    }
}
