using NopSurfaceTool.Checking;
using NopSurfaceTool.Verification;

namespace NopSurfaceTool;

/// <summary>Runs one command and turns its result into output lines and an exit code.</summary>
internal static class Commands
{
    public static int Verify(string plugin, string nopFolder, TextWriter output, TextWriter error)
    {
        VerificationReport report;
        try
        {
            report = PluginVerifier.Verify(plugin, nopFolder);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        foreach (var failure in report.Failures)
            output.WriteLine("FAIL " + failure);
        output.WriteLine(report.Summary);
        return report.Succeeded ? 0 : 1;
    }

    public static int Check(string manifest, string realSurface, string? plugin, TextWriter output, TextWriter error)
    {
        ManifestCheckResult result;
        try
        {
            result = ManifestChecker.Check(manifest, realSurface, plugin);
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        foreach (var line in result.Report())
            output.WriteLine(line);
        return result.Succeeded ? 0 : 1;
    }
}
