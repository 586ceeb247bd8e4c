using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Resolves by simple name only: the surface DLLs reference framework versions (9.0) that differ from the
/// installed runtime (10.0), and for naming types any version of the framework assembly will do.
/// </summary>
public sealed class SimpleNameMetadataResolver(AssemblyPathIndex index) : MetadataAssemblyResolver
{
    public override Assembly? Resolve(MetadataLoadContext context, AssemblyName assemblyName)
    {
        var path = assemblyName.Name is null ? null : index.Find(assemblyName.Name);
        return path is null ? null : context.LoadFromAssemblyPath(path);
    }
}
