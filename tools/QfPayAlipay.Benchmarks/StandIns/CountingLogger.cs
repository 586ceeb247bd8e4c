using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using NopLogger = Nop.Services.Logging.ILogger;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>nopCommerce's log reduced to counts per level: the messages are still built by the plugin, only not kept.</summary>
public sealed class CountingLogger : NopLogger
{
    private readonly int[] _counts = new int[Enum.GetValues<LogLevel>().Max(static l => (int)l) + 1];

    public int Count(LogLevel level) => Volatile.Read(ref _counts[(int)level]);

    public bool IsEnabled(LogLevel level) => true;

    public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null!) => Add(logLevel);

    public Task InformationAsync(string message, Exception exception = null!, Customer customer = null!) => Add(LogLevel.Information);

    public Task WarningAsync(string message, Exception exception = null!, Customer customer = null!) => Add(LogLevel.Warning);

    public Task ErrorAsync(string message, Exception exception = null!, Customer customer = null!) => Add(LogLevel.Error);

    private Task Add(LogLevel level)
    {
        Interlocked.Increment(ref _counts[(int)level]);
        return Task.CompletedTask;
    }
}
