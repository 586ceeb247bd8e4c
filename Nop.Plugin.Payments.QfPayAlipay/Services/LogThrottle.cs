using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.QfPayAlipay.Services;

/// <summary>
/// Lets a line that would repeat on every request (e.g. "hidden: not configured" on each checkout page
/// view) reach the log once per interval per subject, so it is visible without flooding the log.
/// Registered as a singleton: the memory is per web node, which is good enough for a diagnostic.
/// </summary>
public class LogThrottle
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new();
    private readonly TimeProvider _timeProvider;

    public LogThrottle(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public static TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    /// <summary>True when a line about <paramref name="subject"/> should be written now.</summary>
    public virtual bool ShouldWrite(string subject)
    {
        var now = _timeProvider.GetUtcNow();
        var write = false;
        _lastWritten.AddOrUpdate(subject,
            _ =>
            {
                write = true;
                return now;
            },
            (_, last) =>
            {
                if (now - last < Interval)
                    return last;
                write = true;
                return now;
            });
        return write;
    }
}
