using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using NopSurfaceTool.Checking;
using NopSurfaceTool.Surface;
using NopSurfaceTool.Verification;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.ReferenceSurface;

/// <summary>
/// The plugin binds to the real nopCommerce through declarations in NopReferenceSurface/. These tests keep
/// the declarations visible in review (the committed manifest) and prove the plugin resolves against them.
/// </summary>
[TestFixture]
public class ReferenceSurfaceTests
{
    // The test output holds the reference surface (never the plugin's output, which must not).
    private static readonly string[] SurfaceAssemblies = new[] { "Nop.Core", "Nop.Data", "Nop.Services", "Nop.Web.Framework" }
        .Select(name => Path.Combine(AppContext.BaseDirectory, name + ".dll"))
        .ToArray();

    /// <summary>Nop.Web.Framework's output: the four surface assemblies plus the libraries nopCommerce ships with them.</summary>
    private static string SurfaceOutputFolder
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "NopReferenceSurface", "Nop.Web.Framework", "bin", configuration, "net9.0");
        }
    }

    private static string ManifestPath => Path.Combine(RepositoryPaths.Root, "NopReferenceSurface", "surface-manifest.txt");

    private static string PluginAssembly => typeof(QfPayAlipayPaymentMethod).Assembly.Location;

    [Test]
    public void The_built_surface_is_exactly_the_committed_manifest()
    {
        var built = SurfaceWriter.Describe(SurfaceAssemblies);
        var committed = SurfaceLine.FactsOf(File.ReadAllLines(ManifestPath)).ToList();

        var missingFromManifest = built.Except(committed, StringComparer.Ordinal).ToList();
        var missingFromSurface = committed.Except(built, StringComparer.Ordinal).ToList();
        Assert.That(missingFromManifest.Concat(missingFromSurface), Is.Empty,
            "Regenerate NopReferenceSurface/surface-manifest.txt (see README) and review the change.\n" +
            "Declared but not in the manifest:\n  " + string.Join("\n  ", missingFromManifest) +
            "\nIn the manifest but not declared:\n  " + string.Join("\n  ", missingFromSurface));
    }

    [Test]
    public void The_manifest_lists_each_fact_once_in_ordinal_order()
    {
        var committed = SurfaceLine.FactsOf(File.ReadAllLines(ManifestPath)).ToList();

        Assert.That(committed, Is.Not.Empty);
        Assert.That(committed, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(committed, Is.Unique);
    }

    [Test]
    public void The_plugin_resolves_every_reference_against_the_reference_surface()
    {
        Assert.That(File.Exists(Path.Combine(SurfaceOutputFolder, "Nop.Core.dll")), Is.True, SurfaceOutputFolder);

        var report = PluginVerifier.Verify(PluginAssembly, SurfaceOutputFolder);

        Assert.That(report.Failures.Select(f => f.ToString()), Is.Empty, report.Summary);
        Assert.That(report.MethodCount, Is.GreaterThan(10), "the verifier should have walked the plugin's methods");
    }

    [Test]
    public void Every_declared_fact_exists_in_real_nopCommerce_and_implemented_types_are_complete()
    {
        var real = RepositoryPaths.SharedFile("nopcommerce", "nop-4.90.6-surface.txt");

        var result = ManifestChecker.Check(ManifestPath, real, PluginAssembly);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Report()));
        Assert.That(result.CheckedNopTypes, Does.Contain("Nop.Services.Payments.IPaymentMethod"));
    }
}
