namespace QfPaySimulator.Notifications;

/// <summary>Every notification attempt, in the order they finished; safe for concurrent writers.</summary>
internal sealed class DeliveryLog
{
    private readonly Lock gate = new();
    private readonly List<NotificationDelivery> deliveries = [];

    public void Add(NotificationDelivery delivery)
    {
        lock (gate)
            deliveries.Add(delivery);
    }

    public IReadOnlyList<NotificationDelivery> Snapshot()
    {
        lock (gate)
            return deliveries.ToArray();
    }
}
