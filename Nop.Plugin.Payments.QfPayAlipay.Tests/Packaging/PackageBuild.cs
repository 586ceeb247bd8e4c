using System.Diagnostics;
using System.IO.Compression;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Packaging;

/// <summary>
/// Runs the README's package command (build.ps1 through the local PowerShell tool) once per test run
/// into a temporary folder, so the package tests inspect the zip exactly as a store admin receives it.
/// </summary>
public static class PackageBuild
{
    private static readonly Lazy<Result> Built = new(Run, LazyThreadSafetyMode.ExecutionAndPublication);

    public sealed record Result(string ZipPath, string Output);

    public static Result Get() => Built.Value;

    public static ZipArchive OpenZip() => ZipFile.OpenRead(Get().ZipPath);

    private static Result Run()
    {
        var outputDirectory = Path.Combine(Path.GetTempPath(), "qfpay-alipay-package-" + Guid.NewGuid().ToString("N"));
        var restore = RunDotnet("tool restore");
        Assert.That(restore.ExitCode, Is.Zero, "dotnet tool restore failed:\n" + restore.Output);

        var build = RunDotnet($"pwsh -NoProfile -File ./build.ps1 -SkipTests -OutputDirectory \"{outputDirectory}\"");
        Assert.That(build.ExitCode, Is.Zero, "build.ps1 failed:\n" + build.Output);

        var zips = Directory.GetFiles(outputDirectory, "*.zip");
        Assert.That(zips, Has.Length.EqualTo(1), "build.ps1 should write exactly one zip:\n" + build.Output);
        return new Result(zips[0], build.Output);
    }

    private static (int ExitCode, string Output) RunDotnet(string arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The outer 'dotnet test' sets MSBuild variables that would leak into the nested build.
        startInfo.Environment.Remove("MSBuildExtensionsPath");
        startInfo.Environment.Remove("MSBuildSDKsPath");
        startInfo.Environment.Remove("MSBUILD_EXE_PATH");
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {arguments} did not finish within 8 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
