namespace QfPaySimulator;

/// <summary>
/// A fault to inject on <see cref="Endpoint"/>. Rules given in <see cref="SimulatorOptions.Faults"/> hold for the
/// whole run unless <see cref="Times"/> limits them; rules added later apply to the next matching requests.
/// </summary>
public sealed record FaultRule(SimulatorEndpoint Endpoint, FaultKind Kind)
{
    /// <summary>Only requests (or notifications) for this out_trade_no; for a query, one of its comma-separated values.</summary>
    public string? OutTradeNo { get; init; }

    /// <summary>Applies to the next N matching requests, then the rule is gone; null means always.</summary>
    public int? Times { get; init; }

    /// <summary>How long <see cref="FaultKind.Latency"/> waits and <see cref="FaultKind.Timeout"/> holds.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>How many copies <see cref="FaultKind.DuplicateNotifications"/> sends.</summary>
    public int Count { get; init; } = 2;

    /// <summary>Sends the <see cref="FaultKind.DuplicateNotifications"/> copies at the same time.</summary>
    public bool Concurrent { get; init; }

    /// <summary>
    /// For Http429, Http5xx, Timeout and DropConnection on Payment or Refund: carry out the operation anyway, so the
    /// client sees a failure although the transaction exists (the "unknown outcome" of docs/qfpay-protocol.md §2.4). Off by default:
    /// a timed-out payment is then NOT created.
    /// </summary>
    public bool PerformOperation { get; init; }

    /// <summary>The status <see cref="FaultKind.Http5xx"/> answers with; 503 when null.</summary>
    public int? StatusCode { get; init; }
}
