namespace NopSurfaceTool.Checking;

/// <summary>Suggests the real line a wrong manifest line was probably meant to be: same type and member, fewest edits.</summary>
public static class ClosestLineFinder
{
    public static string? Find(SurfaceLine wanted, SurfaceIndex real)
    {
        var candidates = real.LinesOf(wanted.TypeName)
            .Where(l => wanted.MemberName is null
                ? l.Kind == wanted.Kind && l.MemberName is null
                : l.MemberName == wanted.MemberName)
            .Select(l => l.Text)
            .ToList();
        return candidates.Count == 0 ? null : candidates.MinBy(c => EditDistance(c, wanted.Text));
    }

    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
