using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

/// <summary>Where an 800107 shopper goes first: Alipay's silent <c>auth_base</c> authorisation, or a reason why not.</summary>
/// <param name="Url">The authorisation address (a 302 target), when the store's app and keys allow one.</param>
/// <param name="Problem">Why there is none; safe to log (no key material).</param>
public sealed record AuthorizationStart(string? Url, string? Problem);

/// <summary>
/// Starts 800107 (API.md §10.2 step 2): the shopper's browser is sent to Alipay's authorisation page, which comes back
/// to the plugin's callback with a one-time <c>auth_code</c> and the signed <c>state</c> that names the order.
/// </summary>
public class ServiceWindowAuthorizer
{
    /// <summary>Silent authorisation takes seconds; ten minutes covers a slow network without keeping states alive long.</summary>
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;
    private readonly IWebHelper _webHelper;

    public ServiceWindowAuthorizer(ISettingService settingService, IStoreService storeService, TimeProvider timeProvider, IWebHelper webHelper)
    {
        _settingService = settingService;
        _storeService = storeService;
        _timeProvider = timeProvider;
        _webHelper = webHelper;
    }

    /// <param name="isRetry">True for the one restart after a spent or lost code; the callback allows no second.</param>
    public virtual async Task<AuthorizationStart> StartAsync(Order order, bool isRetry = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var app = AlipayAppSettings.TryRead(settings, out var problem);
        if (app is null)
            return new AuthorizationStart(null, problem);

        var states = OAuthStateKey.For(settings, _timeProvider);
        if (states is null)
            return new AuthorizationStart(null, "the QFPay client key, from which the authorisation state key is derived, is not configured");

        // The canonical store URL, like QFPay's callbacks: it is the address registered with Alipay for the app.
        var store = await _storeService.GetStoreByIdAsync(order.StoreId);
        var callbacks = new CallbackUrls(string.IsNullOrWhiteSpace(store?.Url) ? _webHelper.GetStoreLocation() : store.Url);

        var reference = new ServiceWindowReference(order.OrderGuid, isRetry);
        var state = states.Issue(reference.ToString(), reference.SessionBinding, StateLifetime);
        return new AuthorizationStart(AlipayAuthorizationRequest.Build(app, new Uri(callbacks.AlipayCallback), state).AbsoluteUri, null);
    }
}
