using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <param name="RedirectUrl">Set for <see cref="OrderStanding.Payable"/>: pay_url, a plugin page or the problem page.</param>
/// <param name="StartedNewAttempt">True when QFPay was asked for a new payment (new out_trade_no).</param>
public sealed record ResumeDecision(OrderStanding Standing, int OrderId, string? RedirectUrl, bool StartedNewAttempt);

/// <summary>
/// The resume route behind every link the plugin gives shoppers (in-app "copy link", the desktop QR code): the latest
/// attempt's pay_url while it is still open, else a new attempt. Never a raw pay_url in a page, because a pay_url dies
/// at its expired_time while the shopper may come back to the link much later.
/// </summary>
public class PaymentResumer
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly PayableOrders _orders;
    private readonly ISettingService _settingService;
    private readonly PaymentStarter _starter;
    private readonly TimeProvider _timeProvider;
    private readonly IWebHelper _webHelper;

    public PaymentResumer(IPaymentAttemptStore attempts,
        PayableOrders orders,
        ISettingService settingService,
        PaymentStarter starter,
        TimeProvider timeProvider,
        IWebHelper webHelper)
    {
        _attempts = attempts;
        _orders = orders;
        _settingService = settingService;
        _starter = starter;
        _timeProvider = timeProvider;
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

        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);

        // A paid attempt whose order is not marked yet: settlement is under way, and a new payment would be a second one.
        if (attempts.Any(static a => a.Status == PaymentAttemptStatus.Paid))
            return new ResumeDecision(OrderStanding.Paid, order.Id, null, false);

        var latest = attempts.MaxBy(static a => a.AttemptNumber);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        if (PayUrlFreshness.CanReuse(latest, settings, _timeProvider.GetUtcNow().UtcDateTime))
            return new ResumeDecision(OrderStanding.Payable, order.Id, latest!.PayUrl, false);

        var start = await _starter.StartAsync(order, cancellationToken);
        return new ResumeDecision(OrderStanding.Payable, order.Id, start.RedirectUrl, start.Attempt is not null);
    }
}
