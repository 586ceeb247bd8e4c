using System.IO.Compression;
using NopSurfaceTool.Verification;

namespace NopSurfaceTool.Tests.Verification;

/// <summary>
/// BrokenPlugin was compiled against BrokenSurface (a stand-in Nop.Core). Against the same assembly it binds; against
/// ThinSurface (another Nop.Core, playing the real one) every lazy binding failure must be reported up front.
/// </summary>
public class PluginVerifierTests
{
    private static VerificationReport AgainstThinSurface => PluginVerifier.Verify(FixtureAssemblies.BrokenPlugin, FixtureAssemblies.ThinSurfaceFolder);

    [Test]
    public void A_plugin_verified_against_the_assemblies_it_was_compiled_against_has_no_failures()
    {
        var report = PluginVerifier.Verify(FixtureAssemblies.BrokenPlugin, FixtureAssemblies.BrokenSurfaceFolder);

        Assert.That(report.Failures, Is.Empty);
        Assert.That(report.Succeeded, Is.True);
        Assert.That(report.TypeCount, Is.GreaterThan(5));
        Assert.That(report.MethodCount, Is.GreaterThan(10));
        Assert.That(report.MemberReferenceCount, Is.GreaterThan(10));
        Assert.That(report.Summary, Does.Match(@"^verified \d+ types, \d+ methods, \d+ member references, \d+ attributes: 0 failures$"));
    }

    [Test]
    public void A_method_missing_from_the_real_assembly_is_reported_with_its_caller()
    {
        Assert.That(AgainstThinSurface.Failures, Has.Some.Matches<VerificationFailure>(f =>
            f.Location == "BrokenPlugin.ProbeCaller::Refund"
            && f.Problem.Contains("MissingMethodException") && f.Problem.Contains("Nop.Core.NopVersionProbe.Describe(Int32)")));
    }

    [Test]
    public void A_missing_field_is_reported_by_name_not_as_an_invalid_token()
    {
        Assert.That(AgainstThinSurface.Failures, Has.Some.Matches<VerificationFailure>(f =>
            f.Location == "BrokenPlugin.ProbeCaller::Count" && f.Problem.Contains("Field not found: 'Nop.Core.NopVersionProbe.CallCount'")));
    }

    [Test]
    public void A_missing_type_is_reported_where_it_is_used()
    {
        Assert.That(AgainstThinSurface.Failures, Has.Some.Matches<VerificationFailure>(f =>
            f.Location == "BrokenPlugin.ProbeCaller::MakeResult" && f.Problem.Contains("Nop.Core.ProbeResult")));
    }

    [Test]
    public void A_class_lacking_a_member_of_the_real_interface_fails_to_load()
    {
        Assert.That(AgainstThinSurface.Failures, Has.Some.Matches<VerificationFailure>(f =>
            f.Location == "BrokenPlugin.ProbePlugin" && f.Problem.Contains("TypeLoadException") && f.Problem.Contains("get_SkipProbe")));
    }

    [Test]
    public void An_attribute_whose_constructor_signature_differs_is_reported_on_the_type_that_carries_it()
    {
        Assert.That(AgainstThinSurface.Failures, Has.Some.Matches<VerificationFailure>(f =>
            f.Location == "BrokenPlugin.ProbeController" && f.Problem.Contains("ProbeAttribute..ctor")));
    }

    [TestCase("BrokenPlugin.ProbeCaller::RefundAsync [")]
    [TestCase("BrokenPlugin.ProbeCaller::Describer [")]
    [TestCase("BrokenPlugin.ProbeCache<T>::Label")]
    [TestCase("BrokenPlugin.ProbeController::Index")]
    public void Calls_from_async_methods_lambdas_generic_types_and_controllers_are_found(string locationStart)
    {
        Assert.That(AgainstThinSurface.Failures, Has.Some.Matches<VerificationFailure>(f =>
            f.Location.StartsWith(locationStart, StringComparison.Ordinal) && f.Problem.Contains("NopVersionProbe.Describe(Int32)")));
    }

    [Test]
    public void The_JIT_does_not_repeat_what_the_IL_scan_already_reported()
    {
        var refund = AgainstThinSurface.Failures.Where(f => f.Location == "BrokenPlugin.ProbeCaller::Refund");

        Assert.That(refund.Count(), Is.EqualTo(1));
    }

    [Test]
    public void A_reference_to_a_higher_version_than_the_deployed_one_is_reported()
    {
        var report = PluginVerifier.Verify(FixtureAssemblies.BrokenPlugin, FixtureAssemblies.OldSurfaceFolder);

        Assert.That(report.Failures, Has.Count.EqualTo(1));
        Assert.That(report.Failures[0].Location, Is.EqualTo("Nop.Core"));
        Assert.That(report.Failures[0].Problem, Does.StartWith("referenced as version 4.90.0.0, but ").And.Contain(" is 4.80.0.0"));
    }

    [Test]
    public void An_upload_zip_is_verified_through_the_assembly_its_plugin_json_names()
    {
        using var folder = new TemporaryFolder();
        var zip = MakeUploadZip(folder.Path, new { Group = "Misc", SystemName = "Misc.Probe", FileName = "BrokenPlugin.dll" });

        var failing = PluginVerifier.Verify(zip, FixtureAssemblies.ThinSurfaceFolder);
        var passing = PluginVerifier.Verify(zip, FixtureAssemblies.BrokenSurfaceFolder);

        Assert.That(failing.Failures, Has.Some.Property(nameof(VerificationFailure.Location)).EqualTo("BrokenPlugin.ProbeCaller::Refund"));
        Assert.That(passing.Failures, Is.Empty);
    }

    [Test]
    public void A_zip_without_plugin_json_is_rejected()
    {
        using var folder = new TemporaryFolder();
        var zip = Path.Combine(folder.Path, "empty.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            archive.CreateEntryFromFile(FixtureAssemblies.BrokenPlugin, "Misc.Probe/BrokenPlugin.dll");

        Assert.That(() => PluginVerifier.Verify(zip, FixtureAssemblies.BrokenSurfaceFolder),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("plugin.json"));
    }

    [Test]
    public void The_verify_command_lists_each_failure_and_exits_non_zero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["verify", FixtureAssemblies.BrokenPlugin, FixtureAssemblies.ThinSurfaceFolder], output, error);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("FAIL BrokenPlugin.ProbeCaller::Refund: MissingMethodException"));
        Assert.That(output.ToString(), Does.Match(@"verified \d+ types, \d+ methods, \d+ member references, \d+ attributes: [1-9]\d* failures"));
    }

    [Test]
    public void The_verify_command_exits_zero_with_a_summary_when_everything_binds()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CommandLine.Run(["verify", FixtureAssemblies.BrokenPlugin, FixtureAssemblies.BrokenSurfaceFolder], output, error);

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(output.ToString().Trim(), Does.EndWith(": 0 failures"));
    }

    private static string MakeUploadZip(string folder, object descriptor)
    {
        var zip = Path.Combine(folder, "upload.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        archive.CreateEntryFromFile(FixtureAssemblies.BrokenPlugin, "Misc.Probe/BrokenPlugin.dll");
        using (var writer = new StreamWriter(archive.CreateEntry("Misc.Probe/plugin.json").Open()))
            writer.Write(System.Text.Json.JsonSerializer.Serialize(descriptor));
        using (var writer = new StreamWriter(archive.CreateEntry("uploadedItems.json").Open()))
            writer.Write("[]");
        return zip;
    }
}
