namespace QfPaySimulator.Faults;

/// <summary>
/// The active fault rules with their remaining counts. Thread-safe: concurrent requests each consume their own
/// use of a rule limited by <see cref="FaultRule.Times"/>.
/// </summary>
internal sealed class FaultBook
{
    private readonly Lock gate = new();
    private readonly List<ActiveFault> active = [];

    public FaultBook(IEnumerable<FaultRule> initialRules)
    {
        foreach (var rule in initialRules)
            Add(rule);
    }

    public void Add(FaultRule rule)
    {
        FaultRuleValidation.ThrowIfInvalid(rule);
        lock (gate)
            active.Add(new ActiveFault(rule, rule.Times));
    }

    public void Clear()
    {
        lock (gate)
            active.Clear();
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (gate)
            return active.Select(fault => fault.Remaining is { } left ? fault.Rule with { Times = left } : fault.Rule).ToArray();
    }

    /// <summary>
    /// Picks the rules for one request and uses them up: every matching Latency rule adds its delay, and the first
    /// matching other rule (in the order added) becomes the disruption. Rules that are not applied keep their count.
    /// </summary>
    public FaultPlan Take(SimulatorEndpoint endpoint, IReadOnlyCollection<string> outTradeNos)
    {
        lock (gate)
        {
            var latency = TimeSpan.Zero;
            FaultRule? disruption = null;
            foreach (var fault in active.ToArray())
            {
                if (!fault.Matches(endpoint, outTradeNos))
                    continue;

                if (fault.Rule.Kind == FaultKind.Latency)
                    latency += fault.Rule.Delay;
                else if (disruption is null)
                    disruption = fault.Rule;
                else
                    continue;

                if (fault.Remaining is { } remaining)
                {
                    fault.Remaining = remaining - 1;
                    if (fault.Remaining == 0)
                        active.Remove(fault);
                }
            }

            return latency == TimeSpan.Zero && disruption is null ? FaultPlan.None : new FaultPlan(latency, disruption);
        }
    }

    private sealed class ActiveFault(FaultRule rule, int? remaining)
    {
        public FaultRule Rule { get; } = rule;
        public int? Remaining { get; set; } = remaining;

        public bool Matches(SimulatorEndpoint endpoint, IReadOnlyCollection<string> outTradeNos) =>
            Rule.Endpoint == endpoint && (Rule.OutTradeNo is null || outTradeNos.Contains(Rule.OutTradeNo, StringComparer.Ordinal));
    }
}
