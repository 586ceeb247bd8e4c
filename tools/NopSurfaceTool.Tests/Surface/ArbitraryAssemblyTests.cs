using NopSurfaceTool.Surface;

namespace NopSurfaceTool.Tests.Surface;

public class ArbitraryAssemblyTests
{
    private static IEnumerable<TestCaseData> Assemblies()
    {
        yield return new TestCaseData(typeof(object).Assembly.Location).SetArgDisplayNames("System.Private.CoreLib");
        yield return new TestCaseData(typeof(Uri).Assembly.Location).SetArgDisplayNames("System.Private.Uri");
        yield return new TestCaseData(typeof(SurfaceWriter).Assembly.Location).SetArgDisplayNames("NopSurfaceTool");
        var aspNetCore = SharedFrameworkLocator.Directories().Skip(1).FirstOrDefault();
        if (aspNetCore is not null)
            yield return new TestCaseData(Path.Combine(aspNetCore, "Microsoft.AspNetCore.Mvc.Core.dll")).SetArgDisplayNames("Microsoft.AspNetCore.Mvc.Core");
    }

    [TestCaseSource(nameof(Assemblies))]
    public void Any_assembly_yields_ordinally_sorted_unique_fact_lines(string path)
    {
        var warnings = new List<string>();

        var lines = SurfaceWriter.Describe([path], warnings.Add);

        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(lines, Is.Unique);
        Assert.That(lines, Has.All.Match("^[TBIGCMPFE] "));
        Assert.That(lines, Has.None.Contains("\n"));
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void The_tool_describes_its_own_public_API()
    {
        var lines = SurfaceWriter.Describe([typeof(SurfaceWriter).Assembly.Location]);

        Assert.That(lines, Does.Contain("T NopSurfaceTool static-class NopSurfaceTool.Surface.SurfaceWriter"));
        Assert.That(lines, Does.Contain("M NopSurfaceTool.Surface.SurfaceWriter public static System.Collections.Generic.IReadOnlyList<System.String> Describe(System.Collections.Generic.IEnumerable<System.String> dllPaths)"));
    }

    [Test]
    public void The_same_assembly_given_twice_is_described_once()
    {
        var once = SurfaceWriter.Describe([FixtureAssemblies.SurfaceShapes]);
        var twice = SurfaceWriter.Describe([FixtureAssemblies.SurfaceShapes, FixtureAssemblies.SurfaceShapes]);

        Assert.That(twice, Is.EqualTo(once));
    }

    [Test]
    public void The_surface_command_writes_newline_terminated_lines_and_exits_zero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["surface", FixtureAssemblies.SurfaceShapes], output, error);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output.ToString(), Does.EndWith("\n").And.Not.Contain("\r"));
        Assert.That(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(SurfaceShapesOutput.Lines));
    }

    [Test]
    public void An_assembly_whose_references_are_not_at_hand_yields_what_resolves_and_one_warning_per_problem()
    {
        // BrokenPlugin's Nop.Core is not beside it (Private=false), so members that need it cannot be described.
        var warnings = new List<string>();

        var lines = SurfaceWriter.Describe([FixtureAssemblies.BrokenPlugin], warnings.Add);

        Assert.That(lines, Does.Contain("M BrokenPlugin.ProbeCaller public - System.String Refund(System.Int32 level)"));
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.Contain("Nop.Core"));
    }

    [Test]
    public void A_missing_input_file_is_an_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["surface", "/no/such/Nop.Core.dll"], output, error);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("/no/such/Nop.Core.dll"));
    }
}
