using System.Reflection;
using System.Runtime.Loader;
using NopSurfaceTool.Surface;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Binds like nopCommerce: by simple name, ignoring versions; the shared frameworks and the host (nopCommerce)
/// assemblies win over copies in the plugin folder, which supplies only what the host lacks. ASP.NET Core is not part of this tool's own runtime, so its assemblies are
/// loaded from the shared framework folder into this context.
/// </summary>
public sealed class SimpleNameLoadContext : AssemblyLoadContext
{
    private readonly string _nopFolder;
    private readonly string _pluginFolder;
    private readonly IReadOnlyList<string> _frameworks;
    private readonly Action<string, string> _fail;

    public SimpleNameLoadContext(string nopFolder, string pluginFolder, Action<string, string> fail)
        : base("plugin verification", isCollectible: true)
    {
        _nopFolder = nopFolder;
        _pluginFolder = pluginFolder;
        _frameworks = SharedFrameworkLocator.Directories();
        _fail = fail;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var simpleName = assemblyName.Name;
        if (simpleName is null)
            return null;

        // The runtime's own framework is already in the default context, where the host also finds it.
        if (File.Exists(Path.Combine(_frameworks[0], simpleName + ".dll")))
            return null;

        // The host has ASP.NET Core in its default context too, so a copy in the plugin folder would never be used.
        foreach (var framework in _frameworks.Skip(1))
        {
            var shared = Path.Combine(framework, simpleName + ".dll");
            if (File.Exists(shared))
                return LoadFromAssemblyPath(shared);
        }

        var hostAssembly = Path.Combine(_nopFolder, simpleName + ".dll");
        if (File.Exists(hostAssembly))
        {
            ReportHigherVersionReference(assemblyName, hostAssembly);
            return LoadFromAssemblyPath(hostAssembly);
        }

        var pluginAssembly = Path.Combine(_pluginFolder, simpleName + ".dll");
        if (File.Exists(pluginAssembly))
            return LoadFromAssemblyPath(pluginAssembly);
        return null;
    }

    /// <summary>nopCommerce's own assemblies sit in the default context, which refuses a reference to a higher version
    /// than the one deployed (docs/nopcommerce.md §0 rule 1); this context would accept it, so say so.</summary>
    private void ReportHigherVersionReference(AssemblyName requested, string hostAssembly)
    {
        var deployed = AssemblyName.GetAssemblyName(hostAssembly).Version;
        if (requested.Version is not null && deployed is not null && requested.Version > deployed)
            _fail(requested.Name!, $"referenced as version {requested.Version}, but {hostAssembly} is {deployed}: the host would refuse to bind it");
    }
}
