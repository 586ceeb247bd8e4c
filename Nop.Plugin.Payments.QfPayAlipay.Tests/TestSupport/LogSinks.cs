using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Every log sink the tests create reports here, so that the secrets scan (issue #8) reads what the whole test run
/// wrote, not only what one fixture kept a reference to. <see cref="Process"/> is the run's registry; a test that
/// plants a secret on purpose uses its own instance so the run's scan stays meaningful.
/// </summary>
public sealed class LogSinks
{
    private readonly ConcurrentQueue<RecordingLogger> _loggers = new();
    private readonly ConcurrentQueue<Func<IEnumerable<string>>> _otherTexts = new();
    private readonly Dictionary<RecordingLogger, int> _scanned = new(ReferenceEqualityComparer.Instance);

    public static LogSinks Process { get; } = new();

    public void Register(RecordingLogger logger) => _loggers.Enqueue(logger);

    /// <summary>A sink that is not a <see cref="RecordingLogger"/> (e.g. a Microsoft.Extensions.Logging provider).</summary>
    public void Register(Func<IEnumerable<string>> texts) => _otherTexts.Enqueue(texts);

    public int LoggerCount => _loggers.Count;

    /// <summary>The log texts written since the previous call (each logger's new lines and their exceptions).</summary>
    public IReadOnlyList<string> TakeNewTexts()
    {
        var texts = new List<string>();
        lock (_scanned)
        {
            foreach (var logger in _loggers)
            {
                var lines = logger.Lines;
                var from = _scanned.GetValueOrDefault(logger);
                for (var i = from; i < lines.Count; i++)
                {
                    texts.Add(lines[i].Message);
                    if (lines[i].Exception is { } exception)
                        texts.Add(exception.ToString());
                }

                _scanned[logger] = lines.Count;
            }
        }

        return texts;
    }

    /// <summary>Each line as an admin would read it, with the full text of its exception (message, inner ones, stack).</summary>
    public IEnumerable<string> AllTexts()
    {
        foreach (var logger in _loggers)
        {
            foreach (var line in logger.Lines)
            {
                yield return line.Message;
                if (line.Exception is not null)
                    yield return line.Exception.ToString();
            }
        }

        foreach (var texts in _otherTexts)
        {
            foreach (var text in texts())
                yield return text;
        }
    }
}
