namespace QfPaySimulator;

/// <summary>
/// Failures the simulator can inject. API faults (<see cref="Http429"/>, <see cref="Http5xx"/>, <see cref="Timeout"/>,
/// <see cref="DropConnection"/>, <see cref="InProgress1143"/>) apply to Payment, Query and Refund (1143 to Payment and
/// Refund only); <see cref="DropNotification"/> and <see cref="DuplicateNotifications"/> to Notification;
/// <see cref="Latency"/> to all.
/// </summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="FaultRule.Delay"/>, then handles the request normally.</summary>
    Latency,

    /// <summary>HTTP 429, QFPay's rate-limit answer (docs/qfpay-protocol.md §1.5).</summary>
    Http429,

    /// <summary>An HTTP 5xx answer (<see cref="FaultRule.StatusCode"/>, 503 by default) with a non-JSON body.</summary>
    Http5xx,

    /// <summary>Holds the request for <see cref="FaultRule.Delay"/> (100 s when zero), then drops the connection without answering.</summary>
    Timeout,

    /// <summary>Aborts the connection without an answer.</summary>
    DropConnection,

    /// <summary>Carries out the payment or refund but answers respcd 1143 (docs/qfpay-protocol.md §5.2); a later query finds it.</summary>
    InProgress1143,

    /// <summary>The notification is never sent.</summary>
    DropNotification,

    /// <summary>The first attempt is sent <see cref="FaultRule.Count"/> times, at once when <see cref="FaultRule.Concurrent"/>.</summary>
    DuplicateNotifications,
}
