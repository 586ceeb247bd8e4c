using NopSurfaceTool.Checking;
using NopSurfaceTool.Surface;

namespace NopSurfaceTool.Tests.Checking;

/// <summary>
/// A small fake "real surface" of the probe types stands in for nop-4.90.6-surface.txt; BrokenPlugin implements
/// Nop.Core.IProbePlugin and derives from Nop.Core.ProbeBase : Nop.Core.ProbeRoot.
/// </summary>
public class ManifestCheckerTests
{
    private static readonly string[] RealSurface =
    [
        "# a header line that the checker ignores",
        "B Nop.Core.ProbeBase Nop.Core.ProbeRoot",
        "C Nop.Core.ProbeBase protected .ctor()",
        "C Nop.Core.ProbeRoot protected .ctor()",
        "M Nop.Core.NopVersionProbe public static System.String Describe(System.Int32 level)",
        "M Nop.Core.ProbeRoot public virtual System.Void Reset()",
        "P Nop.Core.IProbePlugin public abstract System.Boolean SkipProbe { get; }",
        "P Nop.Core.IProbePlugin public abstract System.String Name { get; }",
        "P Nop.Core.ProbeBase public virtual System.String Title { get; }",
        "T Nop.Core abstract-class Nop.Core.ProbeBase",
        "T Nop.Core abstract-class Nop.Core.ProbeRoot",
        "T Nop.Core interface Nop.Core.IProbePlugin",
        "T Nop.Core static-class Nop.Core.NopVersionProbe",
    ];

    private static IEnumerable<string> RealWithout(params string[] lines) => RealSurface.Where(l => !lines.Contains(l));

    [Test]
    public void A_manifest_equal_to_the_real_surface_passes_with_a_summary()
    {
        var result = ManifestChecker.Check(RealSurface, RealSurface, FixtureAssemblies.BrokenPlugin);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Report().Single(), Does.StartWith("manifest: 12 lines, all in the real surface; interfaces/base types complete: 3 ("));
        Assert.That(result.CheckedNopTypes, Is.EquivalentTo(new[] { "Nop.Core.IProbePlugin", "Nop.Core.ProbeBase", "Nop.Core.ProbeRoot" }));
    }

    [Test]
    public void A_manifest_line_the_real_surface_lacks_is_reported_with_the_closest_real_line()
    {
        const string wrong = "M Nop.Core.NopVersionProbe public static System.String Describe(System.Int64 level)";

        var result = ManifestChecker.Check([.. RealSurface, wrong], RealSurface, pluginDll: null);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.UnknownLines, Is.EqualTo(new[]
        {
            new UnknownManifestLine(wrong, "M Nop.Core.NopVersionProbe public static System.String Describe(System.Int32 level)"),
        }));
    }

    [Test]
    public void A_line_for_a_member_the_real_type_does_not_have_says_so_instead_of_a_hint()
    {
        const string invented = "P Nop.Core.ProbeBase public - System.Int32 Invented { get; set; }";

        var result = ManifestChecker.Check([invented], RealSurface, pluginDll: null);

        Assert.That(result.UnknownLines.Single().ClosestRealLine, Is.Null);
        Assert.That(result.Report(), Has.Some.EqualTo("    (the real Nop.Core.ProbeBase has no member named Invented)"));
    }

    [Test]
    public void A_line_for_a_type_the_real_surface_does_not_have_says_so()
    {
        var result = ManifestChecker.Check(["T Nop.Core class Nop.Core.Invented"], RealSurface, pluginDll: null);

        Assert.That(result.UnknownLines.Single().Note, Is.EqualTo("the real surface has no type Nop.Core.Invented"));
    }

    [Test]
    public void A_type_line_of_the_wrong_kind_is_matched_to_the_real_type_line()
    {
        var result = ManifestChecker.Check(["T Nop.Core class Nop.Core.ProbeBase"], RealSurface, pluginDll: null);

        Assert.That(result.UnknownLines.Single().ClosestRealLine, Is.EqualTo("T Nop.Core abstract-class Nop.Core.ProbeBase"));
    }

    [Test]
    public void A_member_of_an_implemented_interface_missing_from_the_manifest_is_reported()
    {
        const string skipProbe = "P Nop.Core.IProbePlugin public abstract System.Boolean SkipProbe { get; }";

        var result = ManifestChecker.Check(RealWithout(skipProbe), RealSurface, FixtureAssemblies.BrokenPlugin);

        Assert.That(result.IncompleteTypes, Is.EqualTo(new[] { new IncompleteTypeLine("Nop.Core.IProbePlugin", "BrokenPlugin.ProbePlugin", skipProbe) }));
    }

    [Test]
    public void Members_of_base_classes_up_the_real_base_chain_are_required()
    {
        const string reset = "M Nop.Core.ProbeRoot public virtual System.Void Reset()";

        var result = ManifestChecker.Check(RealWithout(reset), RealSurface, FixtureAssemblies.BrokenPlugin);

        Assert.That(result.IncompleteTypes, Is.EqualTo(new[] { new IncompleteTypeLine("Nop.Core.ProbeRoot", "BrokenPlugin.DerivedProbe", reset) }));
    }

    [Test]
    public void A_used_nopCommerce_type_that_the_real_surface_does_not_declare_is_reported()
    {
        var realWithoutInterface = RealSurface.Where(l => !l.Contains("IProbePlugin")).ToList();

        var result = ManifestChecker.Check(realWithoutInterface, realWithoutInterface, FixtureAssemblies.BrokenPlugin);

        Assert.That(result.UnknownTypes, Is.EqualTo(new[] { new UnknownNopType("Nop.Core.IProbePlugin", "BrokenPlugin.ProbePlugin") }));
    }

    [Test]
    public void Types_the_plugin_uses_from_non_Nop_assemblies_are_not_checked()
    {
        var result = ManifestChecker.Check(RealSurface, RealSurface, FixtureAssemblies.BrokenPlugin);

        Assert.That(result.CheckedNopTypes, Has.None.Contains("Microsoft"));
    }

    [Test]
    public void A_stand_in_surface_is_checked_against_the_surface_of_the_assembly_it_stands_for()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("manifest.txt", SurfaceWriter.Describe([Path.Combine(FixtureAssemblies.BrokenSurfaceFolder, "Nop.Core.dll")]));
        var real = folder.Write("real.txt", SurfaceWriter.Describe([Path.Combine(FixtureAssemblies.ThinSurfaceFolder, "Nop.Core.dll")]));

        var result = ManifestChecker.Check(manifest, real, FixtureAssemblies.BrokenPlugin);

        Assert.That(result.UnknownLines.Select(u => u.Line), Does.Contain("M Nop.Core.NopVersionProbe public static System.String Describe(System.Int32 level)"));
        Assert.That(result.UnknownLines.Single(u => u.Line.Contains("Describe")).ClosestRealLine,
            Is.EqualTo("M Nop.Core.NopVersionProbe public static System.String Describe(System.Int64 level)"));
        Assert.That(result.IncompleteTypes.Select(i => i.MissingLine), Does.Contain("P Nop.Core.IProbePlugin public abstract System.Boolean SkipProbe { get; }"));
    }

    [Test]
    public void A_missing_real_surface_file_skips_the_check_with_exit_code_zero()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("manifest.txt", RealSurface);
        var missing = Path.Combine(folder.Path, "shared", "nop-4.90.6-surface.txt");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["check", manifest, missing, FixtureAssemblies.BrokenPlugin], output, error);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output.ToString().Trim(), Is.EqualTo($"real nopCommerce surface not found at {missing}: check skipped"));
    }

    [Test]
    public void The_check_command_exits_one_and_prints_each_difference()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("manifest.txt", RealWithout("P Nop.Core.IProbePlugin public abstract System.Boolean SkipProbe { get; }"));
        var real = folder.Write("real.txt", RealSurface);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["check", manifest, real, FixtureAssemblies.BrokenPlugin], output, error);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("Nop.Core.IProbePlugin (used by BrokenPlugin.ProbePlugin) is incomplete in the manifest; missing:"));
        Assert.That(output.ToString(), Does.Contain("    P Nop.Core.IProbePlugin public abstract System.Boolean SkipProbe { get; }"));
    }

    [Test]
    public void The_check_command_without_a_plugin_only_compares_lines()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("manifest.txt", RealSurface);
        var real = folder.Write("real.txt", RealSurface);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["check", manifest, real], output, error);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output.ToString().Trim(), Is.EqualTo("manifest: 12 lines, all in the real surface; interfaces/base types complete: not checked (no plugin given)"));
    }
}
