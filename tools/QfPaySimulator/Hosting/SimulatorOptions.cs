namespace QfPaySimulator;

/// <summary>How a simulator run behaves. Read once when the simulator starts.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The merchant every run accepts unless <see cref="Merchants"/> is changed. Made up, like all QFPay test data here.</summary>
    public static SimulatedMerchant DemoMerchant { get; } =
        new("A7F3C1D9E5B24F6A8C0D2E4F6A8B0C1D", "3D5F7A9C1E2B4D6F8A0C2E4B6D8F0A1C");

    /// <summary>Accepted credentials; the first one is <see cref="QfPaySimulatorHost.DefaultMerchant"/>.</summary>
    public List<SimulatedMerchant> Merchants { get; } = [DemoMerchant];

    /// <summary>Multiplies the notification retry gaps of docs/qfpay-protocol.md §6.6 (e.g. 0.001 turns 2 min into 120 ms).</summary>
    public double RetryTimeScale { get; set; } = 1.0;

    /// <summary>
    /// The clock for sysdtm, paydtm, query windows and payment expiry. Only its current time is read: waits (latency,
    /// retry gaps, timeouts) always run in real time, so a test may set this clock to any date.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Fault rules for the whole run (each may still be limited by <see cref="FaultRule.Times"/>).</summary>
    public List<FaultRule> Faults { get; } = [];

    /// <summary>How long one notification attempt waits for the receiver's answer before it counts as failed.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Lets notifications go to hosts other than this machine's loopback addresses. Off by default.</summary>
    public bool AllowRemoteNotifyTargets { get; set; }

    /// <summary>Whether notifications go to each request's notify_url (the default) or only to <see cref="RegisteredNotifyUrls"/>.</summary>
    public NotifyUrlMode NotifyUrlMode { get; set; } = NotifyUrlMode.PerRequest;

    /// <summary>
    /// The notification URL "registered with QFPay" per app code, used in <see cref="NotifyUrlMode.RegisteredOnly"/>. An app
    /// code without an entry gets no notifications at all.
    /// </summary>
    public Dictionary<string, Uri> RegisteredNotifyUrls { get; } = new(StringComparer.Ordinal);

    /// <summary>The fake Alipay open platform for 800107 (app id, keys, deny switch); see the README's Alipay section.</summary>
    public AlipaySimulatorOptions Alipay { get; } = new();

    internal void Validate()
    {
        if (Merchants.Count == 0)
            throw new ArgumentException("At least one merchant is required.");
        if (Merchants.Any(merchant => string.IsNullOrEmpty(merchant.AppCode) || string.IsNullOrEmpty(merchant.ClientKey)))
            throw new ArgumentException("Every merchant needs an app code and a client key.");
        if (Merchants.Any(merchant => merchant.MerchantId is ""))
            throw new ArgumentException("A merchant without mchid has MerchantId null, not empty.");
        if (!double.IsFinite(RetryTimeScale) || RetryTimeScale < 0)
            throw new ArgumentException("RetryTimeScale must be a finite number, zero or more.");
        if (NotificationTimeout <= TimeSpan.Zero)
            throw new ArgumentException("NotificationTimeout must be positive.");
        if (!Enum.IsDefined(NotifyUrlMode))
            throw new ArgumentException("NotifyUrlMode is not a known mode.");
        if (RegisteredNotifyUrls.Values.Any(static url => !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            throw new ArgumentException("Every registered notification URL must be an absolute http(s) URL.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
        Alipay.Validate();
    }
}

/// <summary>Where the simulator posts notifications.</summary>
public enum NotifyUrlMode
{
    /// <summary>To the notify_url of the payment request, as the simulator always did (and QFPay may).</summary>
    PerRequest,

    /// <summary>
    /// Only to the URL registered for the app code in <see cref="SimulatorOptions.RegisteredNotifyUrls"/>, ignoring
    /// notify_url; nowhere when none is registered.
    /// </summary>
    RegisteredOnly,
}
