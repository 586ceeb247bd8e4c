namespace QfPaySimulator;

/// <summary>
/// Credentials the simulator accepts (docs/qfpay-protocol.md §2.3): <see cref="AppCode"/> goes in X-QF-APPCODE, <see cref="ClientKey"/>
/// signs requests and notifications, and <see cref="MerchantId"/> (mchid) must be sent if and only if it is set.
/// </summary>
public sealed record SimulatedMerchant(string AppCode, string ClientKey, string? MerchantId = null);
