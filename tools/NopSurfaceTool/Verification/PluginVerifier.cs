using System.Runtime.CompilerServices;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Entry point of the verify command. A wrong signature in a stand-in assembly does not fail when nopCommerce loads
/// the plugin, only when the calling method first runs; this resolves all of it up front against the given folder.
/// </summary>
public static class PluginVerifier
{
    public static VerificationReport Verify(string pluginPathOrZip, string nopFolder)
    {
        if (!Directory.Exists(nopFolder))
            throw new DirectoryNotFoundException($"folder of nopCommerce assemblies not found: {nopFolder}");

        using var package = PluginPackage.Open(pluginPathOrZip);
        var report = new VerificationReport { PluginAssembly = package.AssemblyPath };
        VerifyInCollectibleContext(package, Path.GetFullPath(nopFolder), report);
        return report;
    }

    // Kept out of line so no reference to the context or its types survives on the caller's stack after Unload.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void VerifyInCollectibleContext(PluginPackage package, string nopFolder, VerificationReport report)
    {
        var context = new SimpleNameLoadContext(nopFolder, package.Folder, report.Fail);
        using var namer = new MemberReferenceNamer(package.AssemblyPath);
        try
        {
            var assembly = context.LoadFromAssemblyPath(package.AssemblyPath);
            new PluginAssemblyWalker(report, namer).Walk(assembly);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            report.Fail(Path.GetFileName(package.AssemblyPath), FailureText.Of(e));
        }
        finally
        {
            context.Unload();
        }
    }
}
