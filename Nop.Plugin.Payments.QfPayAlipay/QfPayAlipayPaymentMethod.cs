using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Components;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Lifecycle;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Cms;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.QfPayAlipay;

/// <summary>
/// The payment method nopCommerce sees. It is a redirection method: the order is placed Pending and
/// the shopper is sent to Alipay afterwards; QFPay's signed notification marks it paid. The class
/// stays thin and hands every decision to the services in Services/.
/// </summary>
public class QfPayAlipayPaymentMethod : BasePlugin, IPaymentMethod, IWidgetPlugin
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly LogThrottle _logThrottle;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly PaymentStarter _paymentStarter;
    private readonly PluginInstaller _pluginInstaller;
    private readonly ServiceWindowAuthorizer _serviceWindowAuthorizer;
    private readonly RefundService _refundService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly CheckoutVisibility _visibility;
    private readonly IWebHelper _webHelper;

    public QfPayAlipayPaymentMethod(IPaymentAttemptStore attempts,
        IHttpContextAccessor httpContextAccessor,
        ILocalizationService localizationService,
        ILogger logger,
        LogThrottle logThrottle,
        IOrderTotalCalculationService orderTotalCalculationService,
        PaymentStarter paymentStarter,
        PluginInstaller pluginInstaller,
        RefundService refundService,
        ServiceWindowAuthorizer serviceWindowAuthorizer,
        ISettingService settingService,
        IStoreContext storeContext,
        CheckoutVisibility visibility,
        IWebHelper webHelper)
    {
        _attempts = attempts;
        _httpContextAccessor = httpContextAccessor;
        _localizationService = localizationService;
        _logger = logger;
        _logThrottle = logThrottle;
        _orderTotalCalculationService = orderTotalCalculationService;
        _paymentStarter = paymentStarter;
        _pluginInstaller = pluginInstaller;
        _serviceWindowAuthorizer = serviceWindowAuthorizer;
        _refundService = refundService;
        _settingService = settingService;
        _storeContext = storeContext;
        _visibility = visibility;
        _webHelper = webHelper;
    }

    public bool SupportCapture => false;

    /// <summary>Partial refunds accumulate up to the paid amount (docs/qfpay-protocol.md §8.2); see <see cref="RefundService"/>.</summary>
    public bool SupportPartiallyRefund => true;

    public bool SupportRefund => true;

    public bool SupportVoid => false;

    public RecurringPaymentType RecurringPaymentType => RecurringPaymentType.NotSupported;

    public PaymentMethodType PaymentMethodType => PaymentMethodType.Redirection;

    /// <summary>There is nothing to collect before the redirect to Alipay.</summary>
    public bool SkipPaymentInfo => true;

    /// <summary>
    /// Runs before the order exists; a redirection method only lets the order be placed Pending.
    /// </summary>
    public Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        return Task.FromResult(new ProcessPaymentResult { NewPaymentStatus = PaymentStatus.Pending });
    }

    /// <summary>
    /// Called by core after the order is placed (and again for each "Retry payment"): hands out the open link of an
    /// earlier payment, or records a new attempt and asks QFPay for a payment (PaymentStarter decides), and answers the
    /// browser with a 302, to the wallet or to a plugin page. Core sees the 302 and leaves the response alone; nothing
    /// here throws.
    /// </summary>
    /// <remarks>
    /// In-app browsers and desktops get a plugin page instead of pay_url (<see cref="ShopperDestination"/>, issue #7).
    /// The payment is started first all the same: a configuration problem shows at once, and the resume link on
    /// those pages reuses this attempt's pay_url while it is open.
    /// </remarks>
    public async Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(postProcessPaymentRequest?.Order);
        var order = postProcessPaymentRequest.Order;
        var context = _httpContextAccessor.HttpContext;

        // 800107 first needs the shopper's Alipay user id: the payment is created on the authorisation callback.
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        if (settings.PayType == QfPayPayType.AlipayServiceWindowH5)
        {
            context?.Response.Redirect(await ServiceWindowDestinationAsync(order));
            return;
        }

        var start = await _paymentStarter.StartAsync(order);

        var destination = ShopperDestination.After(start, ShopperBrowser.Of(context?.Request),
            new CallbackUrls(_webHelper.GetStoreLocation()), order.OrderGuid);

        // Only 301/302 count as "being redirected" for core; Response.Redirect sends 302.
        context?.Response.Redirect(destination);
    }

    /// <summary>Alipay's silent authorisation, or the problem page (with the reason in the log) when it cannot start.</summary>
    private async Task<string> ServiceWindowDestinationAsync(Order order)
    {
        var authorization = await _serviceWindowAuthorizer.StartAsync(order);
        if (authorization.Url is not null)
            return authorization.Url;

        await _logger.WarningAsync($"{Services.Settlement.OrderNotes.Prefix}Alipay Service Window payment for order {order.CustomOrderNumber} not started: {authorization.Problem}.");
        return new CallbackUrls(_webHelper.GetStoreLocation()).PaymentProblem(order.OrderGuid);
    }

    /// <summary>
    /// Hidden when the method cannot take this store's payments (see <see cref="CheckoutVisibility"/>); the reason is
    /// logged as a warning at most once an hour per store and reason, so an admin sees why without a flooded log.
    /// </summary>
    public async Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(store.Id);
        var verdict = await _visibility.EvaluateAsync(settings);
        if (verdict.IsAvailable)
        {
            // Store-wide the method works; the store may still not want it for this shopper's browser. That is by
            // design, not a fault: a debug line (when enabled), not a warning.
            var forShopper = _visibility.ForBrowser(settings, ShopperBrowser.Of(_httpContextAccessor.HttpContext?.Request));
            if (forShopper.IsAvailable)
                return false;

            if (settings.DebugLogging && _logThrottle.ShouldWrite($"hidden-for-browser:{store.Id}:{forShopper.Reason}"))
                await _logger.InsertLogAsync(LogLevel.Debug, $"{QfPayAlipayDefaults.SystemName} is hidden for a shopper in store '{store.Name}' (id {store.Id}): {forShopper.Reason}.");

            return true;
        }

        if (_logThrottle.ShouldWrite($"hidden:{store.Id}:{verdict.Reason}"))
        {
            await _logger.WarningAsync(
                $"{QfPayAlipayDefaults.SystemName} is hidden at checkout in store '{store.Name}' (id {store.Id}): {verdict.Reason}. " +
                "The Alipay (QFPay) configure page lists every reason and where to fix it.");
        }

        return true;
    }

    public async Task<decimal> GetAdditionalHandlingFeeAsync(IList<ShoppingCartItem> cart)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(store.Id);
        return await _orderTotalCalculationService.CalculatePaymentAdditionalFeeAsync(cart,
            settings.AdditionalFee, settings.AdditionalFeePercentage);
    }

    public Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest capturePaymentRequest)
    {
        var result = new CapturePaymentResult();
        result.AddError("Alipay payments are captured when the shopper pays; there is nothing to capture.");
        return Task.FromResult(result);
    }

    /// <summary>
    /// Refunds through QFPay. An error result makes nopCommerce record nothing: that is also what a refund awaiting
    /// QFPay's confirmation returns, and the plugin records it on the order once QFPay confirms it (RefundService).
    /// </summary>
    public Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest) =>
        _refundService.RefundAsync(refundPaymentRequest);

    public Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest voidPaymentRequest)
    {
        var result = new VoidPaymentResult();
        result.AddError("Alipay payments cannot be voided; use a refund.");
        return Task.FromResult(result);
    }

    public Task<ProcessPaymentResult> ProcessRecurringPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        var result = new ProcessPaymentResult();
        result.AddError("Recurring payments are not supported by Alipay (QFPay).");
        return Task.FromResult(result);
    }

    public Task<CancelRecurringPaymentResult> CancelRecurringPaymentAsync(CancelRecurringPaymentRequest cancelPaymentRequest)
    {
        var result = new CancelRecurringPaymentResult();
        result.AddError("Recurring payments are not supported by Alipay (QFPay).");
        return Task.FromResult(result);
    }

    /// <summary>
    /// Whether "Retry payment" (and the order page's "Complete payment" button) can do anything: not once QFPay took
    /// money for the order (it is being settled, or the store must look at it). Otherwise a retry never starts a second
    /// payment while an earlier one may still be paid: PostProcessPaymentAsync hands out the open link again, or asks
    /// QFPay first (PaymentStarter).
    /// </summary>
    public async Task<bool> CanRePostProcessPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.PaymentStatus != PaymentStatus.Pending || order.Deleted || order.OrderStatus == OrderStatus.Cancelled
            || !string.Equals(order.PaymentMethodSystemName, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !(await _attempts.ListByOrderAsync(order.Id)).Any(static a => a.Status.HoldsMoney());
    }

    public Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form)
    {
        return Task.FromResult<IList<string>>(new List<string>());
    }

    public Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form)
    {
        return Task.FromResult(new ProcessPaymentRequest());
    }

    public Type GetPublicViewComponent() => typeof(PaymentInfoViewComponent);

    public async Task<string> GetPaymentMethodDescriptionAsync()
    {
        return await _localizationService.GetResourceAsync($"{QfPayAlipayDefaults.LocaleResourcePrefix}.PaymentMethodDescription");
    }

    public override string GetConfigurationPageUrl()
    {
        return $"{_webHelper.GetStoreLocation()}Admin/{QfPayAlipayDefaults.AdminControllerName}/Configure";
    }

    /// <summary>
    /// Settings, texts in every installed language, the reconciliation task and the active order page block
    /// (Services/Lifecycle/PluginInstaller). The payment method itself is left for the admin to make active.
    /// </summary>
    public override async Task InstallAsync()
    {
        await _pluginInstaller.InstallAsync();
        await base.InstallAsync();
    }

    /// <summary>Adds only the settings and texts a newer version brings; never overwrites what the admin changed.</summary>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await _pluginInstaller.UpdateAsync(currentVersion, targetVersion);
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    /// <summary>Removes the plugin's settings, texts, task and active order page block; nopCommerce's down migration drops its table.</summary>
    public override async Task UninstallAsync()
    {
        await _pluginInstaller.UninstallAsync();
        await base.UninstallAsync();
    }

    /// <summary>
    /// Not listed under Configuration > Widgets: the order page block is part of the payment method, not a widget an
    /// admin manages on its own. Installation activates it through WidgetSettings (nopCommerce renders only active
    /// widgets) and uninstallation deactivates it.
    /// </summary>
    public bool HideInWidgetList => true;

    /// <summary>The Alipay (QFPay) block on the admin order page, with "Check status now".</summary>
    public Task<IList<string>> GetWidgetZonesAsync() => Task.FromResult<IList<string>>([AdminWidgetZones.OrderDetailsBlock]);

    public Type GetWidgetViewComponent(string widgetZone) => typeof(OrderPaymentStatusViewComponent);
}
