namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Finds the repository and the shared reference data that lives beside it (never inside it).
/// </summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "Nop.Plugin.Payments.QfPayAlipay.sln";

    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder beside the clone (../shared), or null on a clone that has none.</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>A file under ../shared; the test is ignored, with the reason, when the clone has no shared folder.</summary>
    public static string SharedFile(params string[] relativePath)
    {
        if (Shared is null)
            Assert.Ignore("No ../shared folder beside this clone; CI always has one.");

        var path = Path.Combine([Shared!, .. relativePath]);
        Assert.That(File.Exists(path), Is.True, $"Expected shared reference file {path}");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                return dir.FullName;
        }

        throw new InvalidOperationException($"{SolutionFileName} not found above {AppContext.BaseDirectory}");
    }
}
