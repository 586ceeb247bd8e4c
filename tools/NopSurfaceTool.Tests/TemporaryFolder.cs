namespace NopSurfaceTool.Tests;

/// <summary>A scratch folder that disappears with the test.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "NopSurfaceTool.Tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string fileName, IEnumerable<string> lines)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by a collectible load context; the OS temp cleaner will get it.
        }
    }
}
