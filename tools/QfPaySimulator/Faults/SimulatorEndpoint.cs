namespace QfPaySimulator;

/// <summary>What a fault rule or a recorded request is about.</summary>
public enum SimulatorEndpoint
{
    /// <summary><c>POST /trade/v1/payment</c> (docs/qfpay-protocol.md §4).</summary>
    Payment,

    /// <summary><c>POST /trade/v1/query</c> (docs/qfpay-protocol.md §7).</summary>
    Query,

    /// <summary><c>POST /trade/v1/refund</c> (docs/qfpay-protocol.md §8.1).</summary>
    Refund,

    /// <summary>The notifications the simulator posts to notify_url (docs/qfpay-protocol.md §6).</summary>
    Notification,
}
