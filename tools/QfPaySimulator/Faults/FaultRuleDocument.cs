namespace QfPaySimulator.Faults;

/// <summary>
/// The JSON shape of <c>POST /_simulator/faults</c>, e.g.
/// <c>{"endpoint":"payment","kind":"Http429","times":1}</c>; <c>delayMs</c> stands for <see cref="FaultRule.Delay"/>.
/// </summary>
internal sealed record FaultRuleDocument
{
    public SimulatorEndpoint? Endpoint { get; init; }
    public FaultKind? Kind { get; init; }
    public string? OutTradeNo { get; init; }
    public int? Times { get; init; }
    public double? DelayMs { get; init; }
    public int? Count { get; init; }
    public bool? Concurrent { get; init; }
    public bool? PerformOperation { get; init; }
    public int? StatusCode { get; init; }

    public FaultRule ToRule()
    {
        if (Endpoint is not { } endpoint || Kind is not { } kind)
            throw new ArgumentException("Both 'endpoint' and 'kind' are required.");

        var rule = new FaultRule(endpoint, kind)
        {
            OutTradeNo = OutTradeNo,
            Times = Times,
            Delay = TimeSpan.FromMilliseconds(DelayMs ?? 0),
            Concurrent = Concurrent ?? false,
            PerformOperation = PerformOperation ?? false,
            StatusCode = StatusCode,
        };
        return Count is { } count ? rule with { Count = count } : rule;
    }

    public static FaultRuleDocument From(FaultRule rule) => new()
    {
        Endpoint = rule.Endpoint,
        Kind = rule.Kind,
        OutTradeNo = rule.OutTradeNo,
        Times = rule.Times,
        DelayMs = rule.Delay.TotalMilliseconds,
        Count = rule.Count,
        Concurrent = rule.Concurrent,
        PerformOperation = rule.PerformOperation,
        StatusCode = rule.StatusCode,
    };
}
