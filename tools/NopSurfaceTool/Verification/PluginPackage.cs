using System.IO.Compression;
using System.Text.Json;

namespace NopSurfaceTool.Verification;

/// <summary>
/// The plugin DLL and its folder, from either a DLL path or an upload zip. In the zip, the plugin folder is the one
/// holding plugin.json, whose "FileName" names the main assembly, as nopCommerce reads it.
/// </summary>
public sealed class PluginPackage : IDisposable
{
    private readonly string? _extractedTo;

    private PluginPackage(string assemblyPath, string? extractedTo)
    {
        AssemblyPath = assemblyPath;
        _extractedTo = extractedTo;
    }

    public string AssemblyPath { get; }
    public string Folder => Path.GetDirectoryName(AssemblyPath)!;

    public static PluginPackage Open(string pluginPathOrZip)
    {
        if (!File.Exists(pluginPathOrZip))
            throw new FileNotFoundException($"plugin not found: {pluginPathOrZip}", pluginPathOrZip);
        if (!pluginPathOrZip.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return new PluginPackage(Path.GetFullPath(pluginPathOrZip), null);

        var target = Path.Combine(Path.GetTempPath(), "NopSurfaceTool-verify-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(pluginPathOrZip, target);
        try
        {
            return new PluginPackage(FindMainAssembly(target), target);
        }
        catch
        {
            TryDelete(target);
            throw;
        }
    }

    private static string FindMainAssembly(string root)
    {
        var descriptor = Directory.EnumerateFiles(root, "plugin.json", SearchOption.AllDirectories)
            .OrderBy(p => p.Count(c => c == Path.DirectorySeparatorChar))
            .ThenBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidDataException("the zip has no plugin.json");

        var fileName = ReadFileName(descriptor)
            ?? throw new InvalidDataException($"{Path.GetRelativePath(root, descriptor)} has no \"FileName\"");
        var assembly = Path.Combine(Path.GetDirectoryName(descriptor)!, fileName);
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidDataException($"plugin.json names {fileName}, which is not in {Path.GetRelativePath(root, Path.GetDirectoryName(descriptor)!)}");
    }

    private static string? ReadFileName(string descriptorPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(descriptorPath),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            return document.RootElement.EnumerateObject()
                .Where(p => p.Name.Equals("FileName", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => p.Value.GetString())
                .FirstOrDefault();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"plugin.json is not valid JSON: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (_extractedTo is not null)
            TryDelete(_extractedTo);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows keeps loaded assemblies locked until the collectible context is collected; a temp folder may stay.
        }
    }
}
