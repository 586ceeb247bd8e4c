using System.Runtime.InteropServices;

namespace NopSurfaceTool.Surface;

/// <summary>
/// Finds the shared framework folders of the running runtime. nopCommerce runs on ASP.NET Core, so both
/// Microsoft.NETCore.App and Microsoft.AspNetCore.App are needed to resolve what nopCommerce assemblies reference.
/// </summary>
public static class SharedFrameworkLocator
{
    public static IReadOnlyList<string> Directories()
    {
        var netCore = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var folders = new List<string> { netCore };

        var aspNetCore = FindAspNetCore(netCore);
        if (aspNetCore is not null)
            folders.Add(aspNetCore);

        return folders;
    }

    private static string? FindAspNetCore(string netCoreDirectory)
    {
        var runtimeVersion = Path.GetFileName(netCoreDirectory);
        var root = Path.GetFullPath(Path.Combine(netCoreDirectory, "..", "..", "Microsoft.AspNetCore.App"));
        if (!Directory.Exists(root))
            return null;

        var sameVersion = Path.Combine(root, runtimeVersion);
        if (Directory.Exists(sameVersion))
            return sameVersion;

        // Patch levels of the two frameworks can drift apart on a machine; any installed one still has the same types.
        return Directory.GetDirectories(root)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
    }
}
