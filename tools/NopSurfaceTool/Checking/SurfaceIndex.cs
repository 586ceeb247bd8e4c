namespace NopSurfaceTool.Checking;

/// <summary>A surface file's lines grouped by the type they describe, and findable by metadata type name.</summary>
public sealed class SurfaceIndex
{
    private readonly Dictionary<string, List<SurfaceLine>> _linesByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeByMetadataKey = new(StringComparer.Ordinal);

    public SurfaceIndex(IEnumerable<string> facts)
    {
        foreach (var line in facts.Select(SurfaceLine.Parse))
        {
            if (!_linesByType.TryGetValue(line.TypeName, out var lines))
                _linesByType[line.TypeName] = lines = [];
            lines.Add(line);
            if (line.Kind == 'T')
                _typeByMetadataKey.TryAdd(MetadataTypeKey.FromSurfaceName(line.TypeName), line.TypeName);
        }
    }

    public IReadOnlyList<SurfaceLine> LinesOf(string typeName) =>
        _linesByType.TryGetValue(typeName, out var lines) ? lines : [];

    public bool HasType(string typeName) => _linesByType.ContainsKey(typeName);

    public string? TypeForMetadataName(string metadataName) =>
        _typeByMetadataKey.TryGetValue(metadataName, out var typeName) ? typeName : null;

    /// <summary>The base class in the real surface's B line, in surface form (possibly constructed).</summary>
    public string? BaseTypeOf(string typeName) =>
        LinesOf(typeName).FirstOrDefault(l => l.Kind == 'B')?.Text.Split(' ', 3)[2];

    public bool IsInterface(string typeName) =>
        LinesOf(typeName).Any(l => l.Kind == 'T' && l.Text.Split(' ')[2].EndsWith("interface", StringComparison.Ordinal));
}
