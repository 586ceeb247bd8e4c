namespace QfPaySimulator;

/// <summary>
/// An append-only record, safe for concurrent writers; readers get a snapshot in the order entries were added. The
/// simulator keeps one per kind of event (<see cref="Endpoints.RequestLog"/>, <see cref="Notifications.DeliveryLog"/>)
/// so each can be resolved from the container on its own.
/// </summary>
internal abstract class ConcurrentLog<T>
{
    private readonly Lock gate = new();
    private readonly List<T> entries = [];

    public void Add(T entry)
    {
        lock (gate)
            entries.Add(entry);
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
            return entries.ToArray();
    }
}
