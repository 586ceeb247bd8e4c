namespace QfPaySimulator;

/// <summary>
/// One call to the payment, query or refund endpoint. <see cref="Respcd"/> is the business answer the simulator
/// reached (also when a fault then hid it from the client, see <see cref="FaultRule.PerformOperation"/>), or null when
/// the request was not carried out; <see cref="HttpStatus"/> is what the client got, null for a timeout or an aborted
/// connection; <see cref="Fault"/> names the fault applied, if any (latency is not listed).
/// </summary>
public sealed record RecordedRequest(
    SimulatorEndpoint Endpoint,
    string Path,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    string? Respcd,
    int? HttpStatus,
    FaultKind? Fault,
    DateTimeOffset Time);
