namespace NopSurfaceTool.Checking;

/// <summary>
/// Entry point of the check command. (a) A manifest line that the real surface lacks is a stand-in declaration that
/// will not bind at run time. (b) A nopCommerce interface or base class the plugin implements or derives from must be
/// declared completely, or the plugin compiles against a shape that real nopCommerce does not have.
/// </summary>
public static class ManifestChecker
{
    public static ManifestCheckResult Check(string manifestPath, string realSurfacePath, string? pluginDll = null)
    {
        if (!File.Exists(realSurfacePath))
            return new ManifestCheckResult { Skipped = true, SkipReason = $"real nopCommerce surface not found at {realSurfacePath}: check skipped" };
        if (!File.Exists(manifestPath))
            throw new FileNotFoundException($"manifest not found: {manifestPath}", manifestPath);
        if (pluginDll is not null && !File.Exists(pluginDll))
            throw new FileNotFoundException($"plugin not found: {pluginDll}", pluginDll);

        return Check(File.ReadLines(manifestPath), File.ReadLines(realSurfacePath), pluginDll);
    }

    public static ManifestCheckResult Check(IEnumerable<string> manifestLines, IEnumerable<string> realLines, string? pluginDll)
    {
        var manifest = SurfaceLine.FactsOf(manifestLines).ToList();
        var realFacts = SurfaceLine.FactsOf(realLines).ToList();
        var real = new SurfaceIndex(realFacts);
        var realSet = realFacts.ToHashSet(StringComparer.Ordinal);
        var manifestSet = manifest.ToHashSet(StringComparer.Ordinal);

        var unknownLines = manifest.Distinct(StringComparer.Ordinal)
            .Where(l => !realSet.Contains(l))
            .Select(l => Describe(SurfaceLine.Parse(l), real))
            .ToList();

        if (pluginDll is null)
            return new ManifestCheckResult { ManifestLineCount = manifest.Count, UnknownLines = unknownLines };

        var completeness = new NopTypeCompleteness(real, manifestSet);
        foreach (var use in PluginNopTypeReader.Read(pluginDll))
            completeness.Require(use);

        return new ManifestCheckResult
        {
            ManifestLineCount = manifest.Count,
            UnknownLines = unknownLines,
            PluginChecked = true,
            IncompleteTypes = completeness.Missing,
            UnknownTypes = completeness.Unknown,
            CheckedNopTypes = completeness.Checked,
        };
    }

    private static UnknownManifestLine Describe(SurfaceLine line, SurfaceIndex real)
    {
        var closest = ClosestLineFinder.Find(line, real);
        if (closest is not null)
            return new UnknownManifestLine(line.Text, closest);
        var note = !real.HasType(line.TypeName) ? $"the real surface has no type {line.TypeName}"
            : line.MemberName is not null ? $"the real {line.TypeName} has no member named {line.MemberName}"
            : $"the real surface has no {line.Kind} line for {line.TypeName}";
        return new UnknownManifestLine(line.Text, null, note);
    }
}
