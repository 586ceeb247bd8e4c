namespace QfPaySimulator.Faults;

/// <summary>Rejects rules that could never do anything, so a typo in a rehearsal setup fails loudly.</summary>
internal static class FaultRuleValidation
{
    public static void ThrowIfInvalid(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);

        var isNotification = rule.Endpoint == SimulatorEndpoint.Notification;
        var fits = rule.Kind switch
        {
            FaultKind.Latency => true,
            FaultKind.DropNotification or FaultKind.DuplicateNotifications => isNotification,
            FaultKind.InProgress1143 => rule.Endpoint is SimulatorEndpoint.Payment or SimulatorEndpoint.Refund,
            _ => !isNotification,
        };
        if (!fits)
            throw new ArgumentException($"A {rule.Kind} fault does not apply to the {rule.Endpoint} endpoint.", nameof(rule));

        if (rule.Times is <= 0)
            throw new ArgumentException("Times must be positive (or null for always).", nameof(rule));
        if (rule.Delay < TimeSpan.Zero)
            throw new ArgumentException("Delay must not be negative.", nameof(rule));
        if (rule.Kind == FaultKind.DuplicateNotifications && rule.Count < 1)
            throw new ArgumentException("Count must be at least 1.", nameof(rule));
        if (rule.StatusCode is { } status && (status < 500 || status > 599))
            throw new ArgumentException("StatusCode must be a 5xx status.", nameof(rule));
    }
}
