using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Where a shopper with a payable order goes instead of QFPay's pay_url: in-app browsers often block the jump to the
/// Alipay app (API.md §4.8), and a desktop has no wallet app at all. Everyone else (system mobile browsers, the Alipay
/// apps, and browsers the classifier cannot place) goes to pay_url, as QFPay intends.
/// </summary>
public static class ShopperDestination
{
    /// <returns>The plugin page for this browser, or null to send the shopper to pay_url.</returns>
    public static string? InsteadOfPayUrl(BrowserClassification browser, CallbackUrls urls, Guid orderGuid)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(urls);
        return browser.EffectiveKind switch
        {
            BrowserKind.InAppBrowser => urls.OpenInBrowser(orderGuid),
            BrowserKind.Desktop => urls.Scan(orderGuid),
            _ => null,
        };
    }

    /// <summary>After <see cref="PaymentStarter"/>: a problem page stays a problem page; a wallet trip may be rerouted.</summary>
    public static string After(PaymentStart start, BrowserClassification browser, CallbackUrls urls, Guid orderGuid)
    {
        ArgumentNullException.ThrowIfNull(start);
        return start.SentToWallet ? InsteadOfPayUrl(browser, urls, orderGuid) ?? start.RedirectUrl : start.RedirectUrl;
    }
}
