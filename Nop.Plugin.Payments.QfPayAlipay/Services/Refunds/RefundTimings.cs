namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>How long a refund is given before its silence means something.</summary>
/// <param name="InFlight">
/// A pending refund younger than this may still be inside the admin's request (the call plus one query take at most
/// 30 s + 15 s, API.md §2.4): a notification about it is answered "retry" so that the request, not the notification,
/// records it on the order, and nopCommerce never counts it twice. QFPay retries after 2 minutes (§6.6).
/// </param>
/// <param name="NotFoundGrace">
/// A refund QFPay still does not know this long after it was sent was never made (its request was lost or refused
/// before QFPay recorded it): it is marked failed, and the admin may refund again with a new number (§5.2, 2011 row:
/// "use a new out_trade_no only after the query proves the old one is dead").
/// </param>
public sealed record RefundTimings(TimeSpan InFlight, TimeSpan NotFoundGrace)
{
    public static RefundTimings Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15));
}
