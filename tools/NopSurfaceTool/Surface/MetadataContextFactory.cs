using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>Creates a metadata-only load context that sees the given DLLs, their neighbours and the shared frameworks.</summary>
public static class MetadataContextFactory
{
    public static MetadataLoadContext Create(IEnumerable<string> dllPaths)
    {
        var paths = dllPaths.Select(Path.GetFullPath).ToList();
        var index = new AssemblyPathIndex();
        foreach (var path in paths)
            index.AddFile(path);
        foreach (var folder in paths.Select(Path.GetDirectoryName).Distinct())
            index.AddFolder(folder!);
        foreach (var framework in SharedFrameworkLocator.Directories())
            index.AddFolder(framework);

        // System.Private.CoreLib is the real home of System.Object; naming it avoids facade guessing.
        var core = index.Find("System.Private.CoreLib") is not null ? "System.Private.CoreLib" : null;
        return new MetadataLoadContext(new SimpleNameMetadataResolver(index), core);
    }
}
