namespace NopSurfaceTool.Surface;

/// <summary>
/// Maps assembly simple names to files. The first folder or file that supplies a name wins, so the
/// assemblies under inspection shadow the shared framework.
/// </summary>
public sealed class AssemblyPathIndex
{
    private readonly Dictionary<string, string> _pathsBySimpleName = new(StringComparer.OrdinalIgnoreCase);

    public void AddFile(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        _pathsBySimpleName.TryAdd(name, Path.GetFullPath(path));
    }

    public void AddFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            AddFile(dll);
    }

    public string? Find(string simpleName) =>
        _pathsBySimpleName.TryGetValue(simpleName, out var path) ? path : null;

    public IEnumerable<string> AllPaths => _pathsBySimpleName.Values;
}
