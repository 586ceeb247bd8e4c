namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

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
