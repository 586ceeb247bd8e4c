namespace QfPaySimulator.Endpoints;

/// <summary>Every API call in arrival order; safe for concurrent writers.</summary>
internal sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];

    public void Add(RecordedRequest request)
    {
        lock (gate)
            requests.Add(request);
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
            return requests.ToArray();
    }
}
