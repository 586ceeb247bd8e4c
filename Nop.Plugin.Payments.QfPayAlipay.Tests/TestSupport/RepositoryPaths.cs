namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Finds the repository and the shared reference data that lives beside it (never inside it).
/// </summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "Nop.Plugin.Payments.QfPayAlipay.sln";

    public static string Root { get; } = FindRoot();

    /// <summary>Set by .ci/run to the shared folder it found (beside the clone, or beside the repository it came from).</summary>
    public const string SharedVariable = "QFPAY_SHARED_DIR";

    /// <summary>The shared folder: <see cref="SharedVariable"/>, else ../shared beside the clone; null when neither exists.</summary>
    public static string? Shared
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable(SharedVariable) is { Length: > 0 } given
                ? given
                : Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>A file under ../shared; the test is ignored, with the reason, when the clone has no shared folder.</summary>
    public static string SharedFile(params string[] relativePath)
    {
        if (Shared is null)
            Assert.Ignore($"No shared folder ({SharedVariable} or ../shared beside this clone); CI always has one.");

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
