using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>
/// The integration's health log: the notification route and the reconciliation task write to it, the configure
/// page reads it. Registered scoped; inject it where an event happens.
/// </summary>
public interface IIntegrationHealthLog
{
    /// <summary>
    /// Records one event. <paramref name="detail"/> is short text for an admin (a reason, a count) and must never
    /// contain the client key, a signature or a raw notification body; it is cut to
    /// <see cref="QfPayIntegrationEvent.DetailMaxLength"/> characters.
    /// </summary>
    /// <param name="storeId">The store concerned, or 0 when unknown (shown in every store's report).</param>
    Task RecordAsync(int storeId, IntegrationEventKind kind, string? detail, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one notification answered for <paramref name="reason"/>. Counted in memory and written at most once a
    /// minute per reason and web node: a notification (or a forged post) costs no database write of its own.
    /// </summary>
    Task CountNotificationAsync(int storeId, IntegrationEventKind kind, string reason, string? detail, CancellationToken cancellationToken = default);

    /// <summary>The health of <paramref name="storeId"/> (its own events and unattributed ones); 0 = every store.</summary>
    Task<IntegrationHealthReport> GetReportAsync(int storeId, CancellationToken cancellationToken = default);
}
