using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Components;
using Nop.Plugin.Payments.QfPayAlipay.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;

namespace Nop.Plugin.Payments.QfPayAlipay;

/// <summary>
/// The payment method nopCommerce sees. It is a redirection method: the order is placed Pending and
/// the shopper is sent to Alipay afterwards; QFPay's signed notification marks it paid. The class
/// stays thin and hands every decision to the services in Services/.
/// </summary>
public class QfPayAlipayPaymentMethod : BasePlugin, IPaymentMethod
{
    private readonly CheckoutAvailability _availability;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly LogThrottle _logThrottle;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWebHelper _webHelper;

    public QfPayAlipayPaymentMethod(CheckoutAvailability availability,
        ILocalizationService localizationService,
        ILogger logger,
        LogThrottle logThrottle,
        IOrderTotalCalculationService orderTotalCalculationService,
        ISettingService settingService,
        IStoreContext storeContext,
        IWebHelper webHelper)
    {
        _availability = availability;
        _localizationService = localizationService;
        _logger = logger;
        _logThrottle = logThrottle;
        _orderTotalCalculationService = orderTotalCalculationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _webHelper = webHelper;
    }

    public bool SupportCapture => false;

    public bool SupportPartiallyRefund => false;

    public bool SupportRefund => false;

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

    public async Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest)
    {
        var order = postProcessPaymentRequest.Order;
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var verdict = _availability.Evaluate(settings);
        if (!verdict.IsAvailable)
        {
            // Never throw here: the order already exists and the cart is empty (PLUGIN-API.md §1.5);
            // the shopper can retry the payment once the store is configured.
            await _logger.WarningAsync(
                $"{QfPayAlipayDefaults.SystemName}: payment for order {order.CustomOrderNumber} not started: {verdict.Reason}.");
        }
    }

    public async Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(store.Id);
        var verdict = _availability.Evaluate(settings);
        if (verdict.IsAvailable)
            return false;

        if (_logThrottle.ShouldWrite($"hidden:{store.Id}:{verdict.Reason}"))
        {
            await _logger.WarningAsync(
                $"{QfPayAlipayDefaults.SystemName} is hidden at checkout in store '{store.Name}' (id {store.Id}): {verdict.Reason}. " +
                "Configure it under Configuration > Payment methods.");
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

    public Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest)
    {
        var result = new RefundPaymentResult();
        result.AddError("Refunds through QFPay are not available in this version of the plugin; refund in QFPay's merchant portal.");
        return Task.FromResult(result);
    }

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

    /// <summary>A pending order of this method may always be sent to Alipay again; each retry is a new attempt.</summary>
    public Task<bool> CanRePostProcessPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(order.PaymentStatus == PaymentStatus.Pending && !order.Deleted
            && order.OrderStatus != OrderStatus.Cancelled);
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

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new QfPayAlipaySettings());
        await _localizationService.AddOrUpdateLocaleResourceAsync(new Dictionary<string, string>
        {
            [$"{QfPayAlipayDefaults.LocaleResourcePrefix}.PaymentMethodDescription"] = "Pay with Alipay or AlipayHK on your phone",
            [$"{QfPayAlipayDefaults.LocaleResourcePrefix}.PaymentInfo.Redirect"] = "After you confirm the order you will be taken to Alipay to pay.",
        });
        await base.InstallAsync();
    }

    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<QfPayAlipaySettings>();
        await _localizationService.DeleteLocaleResourcesAsync(QfPayAlipayDefaults.LocaleResourcePrefix);
        await base.UninstallAsync();
    }
}
