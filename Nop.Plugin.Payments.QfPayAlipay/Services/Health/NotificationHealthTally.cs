using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>
/// Notifications counted in this web node's memory, by store, kind and reason, and handed to the health log at most
/// once per <see cref="Window"/>. Anyone can post to the notification URL: a row per post would let a flood cost the
/// store a write each (and capping the rows blinded the health card to a real problem behind the flood). Counted here,
/// 10,000 forged posts cost nothing but a number, and a genuine refusal after them still shows under its own reason.
/// A singleton: one tally per process.
/// </summary>
public class NotificationHealthTally
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private Dictionary<(int StoreId, IntegrationEventKind Kind, string Reason), Entry> _entries = [];
    private DateTime _windowStart = DateTime.MinValue;

    public NotificationHealthTally(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Counts one notification.</summary>
    public virtual void Count(int storeId, IntegrationEventKind kind, string reason, string? detail)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_windowStart == DateTime.MinValue)
                _windowStart = now;

            var key = (storeId, kind, reason);
            _entries[key] = _entries.TryGetValue(key, out var entry)
                ? entry with { Count = entry.Count + 1, LastOnUtc = now, LastDetail = detail }
                : new Entry(storeId, kind, reason, 1, now, detail);
        }
    }

    /// <summary>What was counted, if a window has passed since the last hand-over (or <paramref name="force"/>); it is then forgotten here.</summary>
    public virtual IReadOnlyList<Entry> TakeDue(bool force = false)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_entries.Count == 0 || (!force && now - _windowStart < Window))
                return [];

            var due = _entries.Values.ToList();
            _entries = [];
            _windowStart = DateTime.MinValue;
            return due;
        }
    }

    /// <summary>What is counted and not handed over yet (for this node's health report).</summary>
    public virtual IReadOnlyList<Entry> Pending()
    {
        lock (_gate)
            return _entries.Values.ToList();
    }

    /// <param name="Reason">The answer's reason (BadSignature, Settled...): what the health card groups by.</param>
    /// <param name="LastDetail">The latest event's detail: short text for an admin, never a key, signature or body.</param>
    public sealed record Entry(int StoreId, IntegrationEventKind Kind, string Reason, int Count, DateTime LastOnUtc, string? LastDetail);
}
