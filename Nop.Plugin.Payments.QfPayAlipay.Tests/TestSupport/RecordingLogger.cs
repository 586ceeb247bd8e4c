using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>nopCommerce's log, kept in memory so tests can read what an admin would see.</summary>
public sealed class RecordingLogger : NopLogger
{
    private readonly Lock _gate = new();
    private readonly List<LoggedLine> _lines = [];

    /// <summary>A log that the run's secrets scan reads (<see cref="LogSinks.Process"/>).</summary>
    public RecordingLogger() : this(LogSinks.Process)
    {
    }

    public RecordingLogger(LogSinks sinks)
    {
        sinks.Register(this);
    }

    public IReadOnlyList<LoggedLine> Lines
    {
        get
        {
            lock (_gate)
                return _lines.ToArray();
        }
    }

    public IEnumerable<string> At(LogLevel level) => Lines.Where(l => l.Level == level).Select(static l => l.Message);

    public string AllText => string.Join("\n", Lines.Select(static l => $"{l.Level}: {l.Message} {l.Exception}"));

    public bool IsEnabled(LogLevel level) => true;

    public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null!) =>
        Add(logLevel, shortMessage + " " + fullMessage, null);

    public Task InformationAsync(string message, Exception exception = null!, Customer customer = null!) => Add(LogLevel.Information, message, exception);

    public Task WarningAsync(string message, Exception exception = null!, Customer customer = null!) => Add(LogLevel.Warning, message, exception);

    public Task ErrorAsync(string message, Exception exception = null!, Customer customer = null!) => Add(LogLevel.Error, message, exception);

    private Task Add(LogLevel level, string message, Exception? exception)
    {
        lock (_gate)
            _lines.Add(new LoggedLine(level, message, exception));
        return Task.CompletedTask;
    }
}

public sealed record LoggedLine(LogLevel Level, string Message, Exception? Exception);
