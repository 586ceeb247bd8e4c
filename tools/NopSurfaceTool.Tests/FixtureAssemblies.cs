using System.Reflection;

namespace NopSurfaceTool.Tests;

/// <summary>
/// Locates the fixture projects' outputs. They are built by this test project but never copied next to it (four of
/// them are called Nop.Core), so their folders come from paths MSBuild wrote into this assembly's metadata.
/// </summary>
internal static class FixtureAssemblies
{
    public static string SurfaceShapes => File("SurfaceShapes", "SurfaceShapes.dll");
    public static string BrokenPlugin => File("BrokenPlugin", "BrokenPlugin.dll");
    public static string BrokenSurfaceFolder => Folder("BrokenSurface");
    public static string ThinSurfaceFolder => Folder("ThinSurface");
    public static string OldSurfaceFolder => Folder("OldSurface");

    public static string Folder(string project)
    {
        var folder = Path.Combine(Metadata("FixturesRoot"), project, "bin", Metadata("FixturesConfiguration"), "net9.0");
        Assert.That(Directory.Exists(folder), $"fixture output {folder} is missing; build the test project");
        return folder;
    }

    public static string File(string project, string fileName)
    {
        var path = Path.Combine(Folder(project), fileName);
        Assert.That(System.IO.File.Exists(path), $"fixture assembly {path} is missing; build the test project");
        return path;
    }

    /// <summary>
    /// The real nopCommerce surface lives beside the repository (../shared, or where .ci/run's QFPAY_SHARED_DIR says),
    /// and not on every machine.
    /// </summary>
    public static string? RealSurfaceFile()
    {
        if (Environment.GetEnvironmentVariable("QFPAY_SHARED_DIR") is { Length: > 0 } shared
            && Path.Combine(shared, "nopcommerce", "nop-4.90.6-surface.txt") is var given && System.IO.File.Exists(given))
            return given;

        for (var folder = new DirectoryInfo(Metadata("FixturesRoot")); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "nopcommerce", "nop-4.90.6-surface.txt");
            if (System.IO.File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static string Metadata(string key) =>
        typeof(FixtureAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
