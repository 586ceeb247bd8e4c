namespace QfPaySimulator.Notifications;

/// <summary>
/// Where a notification is posted. QFPay documents a per-request notify_url and also one notification URL registered
/// per app code with its technical support, on ports 80 and 443 only (docs/qfpay-protocol.md §6.1); whether notify_url overrides the
/// registration is unknown. <see cref="NotifyUrlMode.RegisteredOnly"/> rehearses the stricter reading: a store whose URL
/// was never registered receives nothing, whatever it sends.
/// </summary>
internal sealed class NotificationTargets(SimulatorOptions options)
{
    /// <returns>The target, or null when this notification goes nowhere.</returns>
    public Uri? For(NotificationJob job) => options.NotifyUrlMode switch
    {
        NotifyUrlMode.RegisteredOnly => options.RegisteredNotifyUrls.GetValueOrDefault(job.AppCode),
        _ => job.NotifyUrl,
    };
}
