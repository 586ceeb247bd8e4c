namespace Nop.Plugin.Payments.QfPayAlipay.Services;

/// <summary>
/// The URL QFPay posts a store's notifications to: the store URL plus
/// <see cref="QfPayAlipayDefaults.NotificationPath"/>, without a language segment, because QFPay registers one
/// URL per app code (API.md §6.1). The configure page shows it; a payment request may send it as notify_url.
/// </summary>
public static class NotificationAddress
{
    /// <summary>The notification URL of a store whose URL is <paramref name="storeUrl"/>; null when the store has no absolute URL.</summary>
    public static string? ForStore(string? storeUrl)
    {
        if (!Uri.TryCreate(storeUrl?.Trim(), UriKind.Absolute, out var store)
            || (store.Scheme != Uri.UriSchemeHttps && store.Scheme != Uri.UriSchemeHttp))
            return null;

        return store.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + QfPayAlipayDefaults.NotificationPath;
    }
}
