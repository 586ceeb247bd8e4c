namespace NopSurfaceTool.Checking;

/// <summary>A manifest line that the real nopCommerce surface does not have, with the real line it most resembles
/// or, when there is none, a note on what the real surface lacks.</summary>
public sealed record UnknownManifestLine(string Line, string? ClosestRealLine, string? Note = null);

/// <summary>A real line of a nopCommerce interface or base class the plugin uses that the manifest lacks.</summary>
public sealed record IncompleteTypeLine(string NopType, string UsedBy, string MissingLine);

/// <summary>A nopCommerce type the plugin uses that the real surface does not declare at all.</summary>
public sealed record UnknownNopType(string MetadataName, string UsedBy);

public sealed class ManifestCheckResult
{
    public bool Skipped { get; init; }
    public string? SkipReason { get; init; }
    public int ManifestLineCount { get; init; }
    public IReadOnlyList<UnknownManifestLine> UnknownLines { get; init; } = [];
    public IReadOnlyList<IncompleteTypeLine> IncompleteTypes { get; init; } = [];
    public IReadOnlyList<UnknownNopType> UnknownTypes { get; init; } = [];
    public IReadOnlyList<string> CheckedNopTypes { get; init; } = [];
    public bool PluginChecked { get; init; }

    public bool Succeeded => Skipped || (UnknownLines.Count == 0 && IncompleteTypes.Count == 0 && UnknownTypes.Count == 0);

    public IEnumerable<string> Report()
    {
        if (Skipped)
        {
            yield return SkipReason!;
            yield break;
        }

        foreach (var unknown in UnknownLines)
        {
            yield return "not in the real surface: " + unknown.Line;
            yield return unknown.ClosestRealLine is null
                ? $"    ({unknown.Note})"
                : "    closest real line:    " + unknown.ClosestRealLine;
        }
        foreach (var type in UnknownTypes)
            yield return $"{type.UsedBy} uses {type.MetadataName}, which the real surface does not declare";
        foreach (var group in IncompleteTypes.GroupBy(i => (i.NopType, i.UsedBy)))
        {
            yield return $"{group.Key.NopType} (used by {group.Key.UsedBy}) is incomplete in the manifest; missing:";
            foreach (var missing in group)
                yield return "    " + missing.MissingLine;
        }

        if (Succeeded)
            yield return Summary;
    }

    public string Summary =>
        $"manifest: {ManifestLineCount} lines, all in the real surface; interfaces/base types complete: "
        + (!PluginChecked ? "not checked (no plugin given)"
            : CheckedNopTypes.Count == 0 ? "0 (the plugin implements or derives from no Nop.* type)"
            : $"{CheckedNopTypes.Count} ({string.Join(", ", CheckedNopTypes)})");
}
