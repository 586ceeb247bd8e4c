namespace QfPaySimulator.Faults;

/// <summary>What the fault rules decided for one request: a total added latency and at most one disruptive fault.</summary>
internal sealed record FaultPlan(TimeSpan Latency, FaultRule? Disruption)
{
    public static FaultPlan None { get; } = new(TimeSpan.Zero, null);

    /// <summary>True when the disruption replaces handling entirely, i.e. the request is not carried out.</summary>
    public bool PreventsOperation =>
        Disruption is { Kind: not FaultKind.InProgress1143 and not FaultKind.DropNotification and not FaultKind.DuplicateNotifications, PerformOperation: false };
}
