using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// One line of the integration's health log (table QfPayIntegrationEvent), shown on the configure page so an
/// admin can see whether notifications arrive and reconciliation runs. Rows older than
/// <see cref="Services.Health.IntegrationHealthLog.Retention"/> are pruned.
/// </summary>
public class QfPayIntegrationEvent : BaseEntity
{
    public const int DetailMaxLength = 500;

    /// <summary>The store the event concerns; 0 when it could not be attributed (e.g. a notification with a bad signature).</summary>
    public int StoreId { get; set; }

    public int KindId { get; set; }

    /// <summary>Short human-readable text (a reason, a count). Never a key, signature or raw body.</summary>
    public string? Detail { get; set; }

    /// <summary>When it happened (for a row standing for several events: the latest of them).</summary>
    public DateTime OccurredOnUtc { get; set; }

    /// <summary>
    /// How many events of this kind and reason the row stands for. Notifications are counted in memory and written at
    /// most once a minute per reason and web node (NotificationHealthTally), so anyone posting to the notification URL
    /// costs the store no database write. 0 on rows of version 1.0, which stand for one event.
    /// </summary>
    public int Occurrences { get; set; }

    /// <summary>Not a column: nopCommerce maps enum properties through their <c>...Id</c> twin.</summary>
    public IntegrationEventKind Kind
    {
        get => (IntegrationEventKind)KindId;
        set => KindId = (int)value;
    }
}

/// <summary>What a <see cref="QfPayIntegrationEvent"/> records. Stored as its number: never renumber.</summary>
public enum IntegrationEventKind
{
    /// <summary>A QFPay notification was verified and handled.</summary>
    NotificationAccepted = 10,

    /// <summary>A notification was refused (bad signature, unknown order, amount mismatch...).</summary>
    NotificationRejected = 20,

    /// <summary>A reconciliation run finished; the detail says what it found.</summary>
    ReconciliationRun = 30,

    /// <summary>A reconciliation run could not finish (QFPay unreachable, configuration...).</summary>
    ReconciliationFailed = 31,
}
