using System.Text.RegularExpressions;

namespace NopSurfaceTool.Checking;

/// <summary>
/// One fact line split into what the checker needs: its kind letter, the type it is about and, for members, the member
/// name (".ctor" for constructors). Type names never contain spaces, which is what makes the split possible.
/// </summary>
public sealed partial record SurfaceLine(string Text, char Kind, string TypeName, string? MemberName)
{
    public static IEnumerable<string> FactsOf(IEnumerable<string> fileLines) =>
        fileLines.Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));

    public static SurfaceLine Parse(string text)
    {
        var tokens = text.Split(' ');
        var kind = tokens[0].Length == 1 ? tokens[0][0] : '?';
        return kind switch
        {
            'T' => new SurfaceLine(text, kind, tokens.Length > 3 ? tokens[3] : "", null),
            'B' or 'I' => new SurfaceLine(text, kind, At(tokens, 1), null),
            'G' => new SurfaceLine(text, kind, At(tokens, 1), GenericMethodName(tokens)),
            'C' => new SurfaceLine(text, kind, At(tokens, 1), ".ctor"),
            'M' => new SurfaceLine(text, kind, At(tokens, 1), Match(MethodName(), text)),
            'P' => new SurfaceLine(text, kind, At(tokens, 1), Match(PropertyName(), text)),
            'F' or 'E' => new SurfaceLine(text, kind, At(tokens, 1), Match(FieldOrEventName(), text)),
            _ => new SurfaceLine(text, kind, At(tokens, 1), null),
        };
    }

    public bool IsMember => Kind is 'C' or 'M' or 'P' or 'F' or 'E';

    private static string At(string[] tokens, int index) => tokens.Length > index ? tokens[index] : "";

    /// <summary>The second G form names a method: "G Type Name&lt;T&gt;(params) T : ...".</summary>
    private static string? GenericMethodName(string[] tokens) =>
        tokens.Length > 2 && tokens[2].Contains('(') ? tokens[2].Split('<', '(')[0] : null;

    private static string? Match(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private const string Mods = "(?:-|const|(?:(?:static|abstract|virtual|override|sealed|readonly) ?)+)";

    [GeneratedRegex(@"^M \S+ \S+ " + Mods + @" (?:ref (?:readonly )?)?\S+ (?<name>[^\s<(]+)")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"^P \S+ \S+ " + Mods + @" (?:ref )?\S+ (?<name>[^\s\[]+)")]
    private static partial Regex PropertyName();

    [GeneratedRegex(@"^[FE] \S+ \S+ " + Mods + @" \S+ (?<name>\S+)")]
    private static partial Regex FieldOrEventName();
}
