namespace NopSurfaceTool.Checking;

/// <summary>
/// Collects the real lines a used nopCommerce type must have in the manifest: its T line and members, plus I and G
/// lines for interfaces (an implementer must match inherited interfaces and method constraints too). Base classes are
/// followed up their chain through the real surface's B lines.
/// </summary>
internal sealed class NopTypeCompleteness(SurfaceIndex real, HashSet<string> manifest)
{
    private readonly List<IncompleteTypeLine> _missing = [];
    private readonly List<UnknownNopType> _unknown = [];
    private readonly SortedSet<string> _checked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);

    public IReadOnlyList<IncompleteTypeLine> Missing => _missing;
    public IReadOnlyList<UnknownNopType> Unknown => _unknown;
    public IReadOnlyList<string> Checked => _checked.ToList();

    public void Require(NopTypeUse use)
    {
        var typeName = real.TypeForMetadataName(use.MetadataName);
        if (typeName is null)
        {
            _unknown.Add(new UnknownNopType(use.MetadataName, use.PluginType));
            return;
        }

        if (use.IsInterface)
        {
            RequireLines(typeName, use.PluginType, includeInterfaceLines: true);
            return;
        }

        // Follow the base chain while it stays inside the real nopCommerce surface.
        for (var current = typeName; current is not null && real.HasType(current); current = NextBase(current))
            RequireLines(current, use.PluginType, includeInterfaceLines: false);
    }

    private string? NextBase(string typeName)
    {
        var baseName = real.BaseTypeOf(typeName);
        return baseName is null ? null : real.TypeForMetadataName(MetadataTypeKey.FromSurfaceName(baseName));
    }

    private void RequireLines(string typeName, string usedBy, bool includeInterfaceLines)
    {
        if (!_done.Add(typeName))
            return;
        _checked.Add(typeName);
        foreach (var line in real.LinesOf(typeName))
        {
            var required = line.IsMember || line.Kind == 'T' || (includeInterfaceLines && line.Kind is 'I' or 'G');
            if (required && !manifest.Contains(line.Text))
                _missing.Add(new IncompleteTypeLine(typeName, usedBy, line.Text));
        }
    }
}
