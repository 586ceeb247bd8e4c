namespace QfPaySimulator.Endpoints;

/// <summary>Every API call in arrival order; safe for concurrent writers.</summary>
internal sealed class RequestLog : ConcurrentLog<RecordedRequest>;
