namespace NopSurfaceTool.Surface;

/// <summary>
/// One missing referenced assembly can break hundreds of members; one warning per distinct problem, with a count and
/// an example, is what a reader can act on.
/// </summary>
internal sealed class WarningDigest
{
    private readonly Dictionary<string, (string Example, int Count)> _byProblem = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string location, Exception problem)
    {
        var message = problem.Message;
        if (_byProblem.TryGetValue(message, out var seen))
        {
            _byProblem[message] = (seen.Example, seen.Count + 1);
            return;
        }
        _byProblem[message] = (location, 1);
        _order.Add(message);
    }

    public void Flush(Action<string> warn)
    {
        foreach (var message in _order)
        {
            var (example, count) = _byProblem[message];
            warn(count == 1
                ? $"{example}: {message} (its lines are left out)"
                : $"{message} (lines of {count} types or members left out, e.g. {example})");
        }
    }
}
