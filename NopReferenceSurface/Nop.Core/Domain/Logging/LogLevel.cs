namespace Nop.Core.Domain.Logging;

/// <summary>Reference surface (complete): severity of a log entry.</summary>
public enum LogLevel
{
    Debug = 10,
    Information = 20,
    Warning = 30,
    Error = 40,
    Fatal = 50
}
