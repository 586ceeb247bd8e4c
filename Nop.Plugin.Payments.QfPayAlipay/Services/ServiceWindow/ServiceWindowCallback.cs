using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

/// <summary>
/// The 800107 authorisation callback (docs/qfpay-protocol.md §10.2 steps 3-4): checks the signed <c>state</c> before anything else,
/// trades the <c>auth_code</c> for the shopper's Alipay user id and starts the QFPay payment with it as <c>openid</c>.
/// A spent or lost code restarts the silent authorisation once (the retry is marked in the signed state); any other
/// failure ends on the plugin's problem page, whose "Retry payment" starts over.
/// </summary>
public class ServiceWindowCallback
{
    private readonly AlipayOAuthClient _alipay;
    private readonly ServiceWindowAuthorizer _authorizer;
    private readonly ILogger _logger;
    private readonly LogThrottle _logThrottle;
    private readonly PayableOrders _orders;
    private readonly PaymentStarter _starter;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly IWebHelper _webHelper;

    public ServiceWindowCallback(AlipayOAuthClient alipay,
        ServiceWindowAuthorizer authorizer,
        ILogger logger,
        LogThrottle logThrottle,
        PayableOrders orders,
        PaymentStarter starter,
        ISettingService settingService,
        TimeProvider timeProvider,
        IWebHelper webHelper)
    {
        _alipay = alipay;
        _authorizer = authorizer;
        _logger = logger;
        _logThrottle = logThrottle;
        _orders = orders;
        _starter = starter;
        _settingService = settingService;
        _timeProvider = timeProvider;
        _webHelper = webHelper;
    }

    public virtual async Task<ServiceWindowOutcome> HandleAsync(string? authCode, string? state, CancellationToken cancellationToken = default)
    {
        // The order the state claims, read unverified only to find the store key and the binding; verified below
        // before anything is done for it.
        var claimed = ServiceWindowReference.Parse(OAuthState.ReadReferenceUnverified(state));
        if (claimed is null)
            return await RejectAsync(OAuthStateVerdict.Malformed, "the state is missing or not one this shop writes");

        var lookup = await _orders.FindAsync(claimed.OrderGuid);
        if (lookup.Order is null)
            return await RejectAsync(OAuthStateVerdict.Forged, "the state names no order of this shop");

        var order = lookup.Order;
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var states = OAuthStateKey.For(settings, _timeProvider);
        var check = states?.Verify(state, claimed.SessionBinding);
        if (check is null || check.Verdict is not (OAuthStateVerdict.Valid or OAuthStateVerdict.Expired))
            return await RejectAsync(check?.Verdict ?? OAuthStateVerdict.Forged, "the state does not verify with this store's key");

        if (lookup.Standing != OrderStanding.Payable)
            return new ServiceWindowOutcome(ServiceWindowStep.OrderNotPayable, $"order {order.CustomOrderNumber} is {lookup.Standing}") { Lookup = lookup };

        var problemPage = new CallbackUrls(_webHelper.GetStoreLocation()).PaymentProblem(order.OrderGuid);
        if (check.Verdict == OAuthStateVerdict.Expired)
            return await RestartOrGiveUpAsync(lookup, claimed, problemPage, "the authorisation state expired");

        var app = AlipayAppSettings.TryRead(settings, out var appProblem);
        if (app is null)
            return await ProblemAsync(lookup, problemPage, $"the Alipay app settings are unusable: {appProblem}");

        var token = await _alipay.ExchangeAuthCodeAsync(app, authCode, cancellationToken);
        if (token.Outcome is AlipayOAuthOutcome.InvalidAuthCode or AlipayOAuthOutcome.Transient)
            return await RestartOrGiveUpAsync(lookup, claimed, problemPage, $"Alipay's token exchange: {token.Outcome} ({token.Message})");

        if (!token.IsSuccess)
            return await ProblemAsync(lookup, problemPage, $"Alipay's token exchange failed: {token.Outcome} ({token.Message})");

        var start = await _starter.StartServiceWindowAsync(order, token.UserId, cancellationToken);
        if (start.TradeNo is { Length: > 0 } tradeNo)
            return new ServiceWindowOutcome(ServiceWindowStep.TradePay) { Lookup = lookup, TradeNo = tradeNo };

        // QFPay answered 800107 with a pay_url instead (docs/qfpay-protocol.md §12 C5), or the start ended on the problem page.
        return new ServiceWindowOutcome(ServiceWindowStep.Redirect, start.Reason) { Lookup = lookup, RedirectUrl = start.RedirectUrl };
    }

    private async Task<ServiceWindowOutcome> RestartOrGiveUpAsync(OrderLookup lookup, ServiceWindowReference claimed, string problemPage, string why)
    {
        // Codes are one-time and short-lived (docs/qfpay-protocol.md §10.2 step 3): a fresh silent authorisation is the only cure, and
        // the signed retry mark stops a loop between Alipay and the shop.
        if (!claimed.IsRetry)
        {
            var again = await _authorizer.StartAsync(lookup.Order!, isRetry: true);
            if (again.Url is not null)
            {
                await _logger.InformationAsync($"{OrderNotes.Prefix}order {lookup.Order!.CustomOrderNumber}: {why}; authorising with Alipay once more.");
                return new ServiceWindowOutcome(ServiceWindowStep.Redirect, why) { Lookup = lookup, RedirectUrl = again.Url };
            }
        }

        return await ProblemAsync(lookup, problemPage, why);
    }

    private async Task<ServiceWindowOutcome> ProblemAsync(OrderLookup lookup, string problemPage, string why)
    {
        // The messages of AlipayOAuthResult and AlipayOpenApp.Validate never carry keys, codes or signatures.
        await _logger.WarningAsync($"{OrderNotes.Prefix}Alipay Service Window payment for order {lookup.Order!.CustomOrderNumber} not started: {why}.");
        return new ServiceWindowOutcome(ServiceWindowStep.Redirect, why) { Lookup = lookup, RedirectUrl = problemPage };
    }

    private async Task<ServiceWindowOutcome> RejectAsync(OAuthStateVerdict verdict, string why)
    {
        // Anyone can call the callback; throttled so a flood of forgeries cannot flood the log.
        if (_logThrottle.ShouldWrite($"alipay-callback-rejected:{verdict}"))
            await _logger.WarningAsync($"{OrderNotes.Prefix}an Alipay authorisation callback was refused ({verdict}): {why}. Nothing was paid or changed.");

        return new ServiceWindowOutcome(ServiceWindowStep.Rejected, $"{verdict}: {why}");
    }
}

public enum ServiceWindowStep
{
    /// <summary>The callback is not one this shop started (state missing, malformed or forged): nothing was done.</summary>
    Rejected,

    /// <summary>The order is paid, closed or gone: the controller shows what it shows for those elsewhere.</summary>
    OrderNotPayable,

    /// <summary>Go to <see cref="ServiceWindowOutcome.RedirectUrl"/>: the authorisation once more, or the problem page.</summary>
    Redirect,

    /// <summary>A QFPay payment exists: render the tradePay page with <see cref="ServiceWindowOutcome.TradeNo"/>.</summary>
    TradePay,
}

/// <summary>What the Alipay authorisation callback leads to. <see cref="Reason"/> is for the log only, never shown.</summary>
public sealed record ServiceWindowOutcome(ServiceWindowStep Step, string? Reason = null)
{
    public string? RedirectUrl { get; init; }

    public string? TradeNo { get; init; }

    public OrderLookup? Lookup { get; init; }

    public Order? Order => Lookup?.Order;
}
