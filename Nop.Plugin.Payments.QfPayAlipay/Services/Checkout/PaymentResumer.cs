using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <param name="RedirectUrl">Set for <see cref="OrderStanding.Payable"/>: pay_url, a plugin page or the problem page.</param>
/// <param name="StartedNewAttempt">True when QFPay was asked for a new payment (new out_trade_no).</param>
public sealed record ResumeDecision(OrderStanding Standing, int OrderId, string? RedirectUrl, bool StartedNewAttempt);

/// <summary>
/// The resume route behind every link the plugin gives shoppers (in-app "copy link", the desktop QR code). It never
/// puts a raw pay_url in a page, because a pay_url dies at its expired_time while the shopper may come back to the link
/// much later; <see cref="PaymentStarter"/> decides between the open link, the earlier payment's outcome and a new one.
/// </summary>
public class PaymentResumer
{
    private readonly PayableOrders _orders;
    private readonly PaymentStarter _starter;
    private readonly IWebHelper _webHelper;

    public PaymentResumer(PayableOrders orders, PaymentStarter starter, IWebHelper webHelper)
    {
        _orders = orders;
        _starter = starter;
        _webHelper = webHelper;
    }

    public virtual async Task<ResumeDecision> ResumeAsync(Guid orderGuid, BrowserClassification browser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var lookup = await _orders.FindAsync(orderGuid);
        if (lookup.Standing != OrderStanding.Payable || lookup.Order is not { } order)
            return new ResumeDecision(lookup.Standing, lookup.Order?.Id ?? 0, null, false);

        // Still in an in-app browser, or on a desktop: the plugin's page, without touching QFPay.
        var urls = new CallbackUrls(_webHelper.GetStoreLocation());
        if (ShopperDestination.InsteadOfPayUrl(browser, urls, order.OrderGuid) is { } page)
            return new ResumeDecision(OrderStanding.Payable, order.Id, page, false);

        var start = await _starter.StartAsync(order, cancellationToken);
        if (start.AlreadyPaid)
            return new ResumeDecision(OrderStanding.Paid, order.Id, null, false);

        return new ResumeDecision(OrderStanding.Payable, order.Id, start.RedirectUrl, start.IsNewAttempt);
    }
}

/// <summary>
/// Where a shopper with a payable order goes instead of QFPay's pay_url: in-app browsers often block the jump to the
/// Alipay app (docs/qfpay-protocol.md §4.8), and a desktop has no wallet app at all. Everyone else (system mobile browsers, the Alipay
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
