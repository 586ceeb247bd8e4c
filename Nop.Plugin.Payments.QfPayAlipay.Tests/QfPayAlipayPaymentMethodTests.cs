using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Components;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests;

[TestFixture]
public class QfPayAlipayPaymentMethodTests
{
    private FakeTimeProvider _clock = null!;
    private Shop _shop = null!;
    private Mock<ILocalizationService> _localization = null!;
    private Mock<IOrderTotalCalculationService> _orderTotals = null!;
    private DefaultHttpContext _httpContext = null!;
    private QfPayAlipayPaymentMethod _method = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 18, 6, 0, 0, TimeSpan.Zero));
        _shop = new Shop(_clock);
        _shop.Settings.AppCode = null;
        _shop.Settings.ClientKey = null;
        _shop.Settings.Environment = QfPayEnvironment.Test;
        _localization = new Mock<ILocalizationService>();
        _orderTotals = new Mock<IOrderTotalCalculationService>();
        _httpContext = new DefaultHttpContext();

        var services = _shop.BuildServices();
        _method = PaymentMethodFactory.Create(services.CreateScope().ServiceProvider, new HttpContextAccessor { HttpContext = _httpContext },
            _localization.Object, _orderTotals.Object);
    }

    private void Configure()
    {
        _shop.Settings.AppCode = "6C1E0B9A4F2D4E7B8A3C5D9E1F0A2B4C";
        _shop.Settings.ClientKey = "F3A1C9E7B2D84A6F9C0E1B5D7A3F2C8E";
    }

    private IEnumerable<string> Warnings => _shop.Log.At(LogLevel.Warning);

    [Test]
    public async Task It_is_hidden_at_checkout_until_an_app_code_and_key_are_configured()
    {
        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);

        Configure();

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.False);
    }

    [Test]
    public async Task Hiding_says_why_in_one_warning_per_hour_not_on_every_page_view()
    {
        await _method.HidePaymentMethodAsync([]);
        await _method.HidePaymentMethodAsync([]);

        Assert.That(Warnings.Count(m => m.Contains("no QFPay app code is configured") && m.Contains("Demo store")), Is.EqualTo(1));

        _clock.Advance(LogThrottle.Interval);
        await _method.HidePaymentMethodAsync([]);

        Assert.That(Warnings.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task HideOnDesktop_hides_the_method_from_a_desktop_browser_with_a_debug_line_not_a_warning()
    {
        Configure();
        _shop.Settings.HideOnDesktop = true;
        _shop.Settings.DebugLogging = true;
        _httpContext.Request.Headers.UserAgent = UserAgents.DesktopChrome;

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);
        await _method.HidePaymentMethodAsync([]);

        Assert.That(_shop.Log.At(LogLevel.Debug).Count(m => m.Contains("desktop")), Is.EqualTo(1), "throttled");
        Assert.That(Warnings, Is.Empty);

        _httpContext.Request.Headers.UserAgent = UserAgents.IPhoneSafari;
        Assert.That(await _method.HidePaymentMethodAsync([]), Is.False);
    }

    [Test]
    public async Task A_custom_environment_without_a_base_url_is_not_configured()
    {
        Configure();
        _shop.Settings.Environment = QfPayEnvironment.Custom;
        _shop.Settings.CustomBaseUrl = null;

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);

        _shop.Settings.CustomBaseUrl = "http://127.0.0.1:5080";
        Assert.That(await _method.HidePaymentMethodAsync([]), Is.False);
    }

    [Test]
    public async Task It_is_hidden_when_the_charge_currency_is_not_set_up_in_the_store()
    {
        Configure();
        _shop.Currencies.Remove("HKD");

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);
        Assert.That(Warnings.Single(), Does.Contain("charge currency HKD is not set up"));
    }

    [Test]
    public async Task It_is_hidden_when_the_charge_currency_is_not_published()
    {
        Configure();
        _shop.Currencies["HKD"].Published = false;

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);
        Assert.That(Warnings.Single(), Does.Contain("not published"));
    }

    [Test]
    public async Task AlipayHK_is_hidden_when_the_charge_currency_is_not_HKD()
    {
        Configure();
        _shop.Settings.ChargeCurrency = "CNY";

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);
        Assert.That(Warnings.Single(), Does.Contain("801512").And.Contain("HKD only"));

        _shop.Settings.PayType = QfPayPayType.AlipayCrossBorderWap;
        Assert.That(await _method.HidePaymentMethodAsync([]), Is.False, "801107 may charge CNY");
    }

    [Test]
    public async Task The_service_window_pay_type_is_hidden_because_it_needs_the_Alipay_app()
    {
        Configure();
        _shop.Settings.PayType = QfPayPayType.AlipayServiceWindowH5;

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);
        Assert.That(Warnings.Single(), Does.Contain("needs the Alipay app"));
    }

    [Test]
    public async Task A_charge_currency_QFPay_does_not_know_hides_the_method()
    {
        Configure();
        _shop.Settings.ChargeCurrency = "XYZ";

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);
        Assert.That(Warnings.Single(), Does.Contain("XYZ"));
    }

    [Test]
    public void It_is_a_redirection_method_without_capture_void_or_recurring_payments()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_method.PaymentMethodType, Is.EqualTo(PaymentMethodType.Redirection));
            Assert.That(_method.RecurringPaymentType, Is.EqualTo(RecurringPaymentType.NotSupported));
            Assert.That(_method.SupportCapture, Is.False);
            Assert.That(_method.SupportVoid, Is.False);
            Assert.That(_method.SkipPaymentInfo, Is.True);
        });
    }

    [Test]
    public async Task Placing_the_order_leaves_it_pending_for_the_wallet()
    {
        var result = await _method.ProcessPaymentAsync(new ProcessPaymentRequest { OrderTotal = 128m });

        Assert.That(result.Success, Is.True);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task Unsupported_operations_answer_with_an_error_instead_of_throwing()
    {
        var order = new Order();

        var capture = await _method.CaptureAsync(new CapturePaymentRequest { Order = order });
        var @void = await _method.VoidAsync(new VoidPaymentRequest { Order = order });
        var recurring = await _method.ProcessRecurringPaymentAsync(new ProcessPaymentRequest());
        var cancelRecurring = await _method.CancelRecurringPaymentAsync(new CancelRecurringPaymentRequest { Order = order });

        Assert.Multiple(() =>
        {
            Assert.That(capture.Errors, Is.Not.Empty);
            Assert.That(@void.Errors, Is.Not.Empty);
            Assert.That(recurring.Errors, Is.Not.Empty);
            Assert.That(cancelRecurring.Errors, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Post_processing_an_order_of_an_unconfigured_store_logs_why_and_sends_the_shopper_to_the_problem_page()
    {
        var order = _shop.AddOrder();

        await _method.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });

        Assert.That(Warnings.Single(), Does.Contain(order.CustomOrderNumber).And.Contain("not started"));
        Assert.That(_httpContext.Response.StatusCode, Is.EqualTo(StatusCodes.Status302Found));
        Assert.That(_httpContext.Response.Headers.Location.ToString(), Is.EqualTo($"http://shop.test/Plugins/QfPayAlipay/PaymentProblem/{order.OrderGuid:D}"));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(_shop.Attempts.All, Is.Empty, "QFPay was never asked, so there is no attempt to keep");
    }

    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, false, QfPayAlipayDefaults.SystemName, true)]
    [TestCase(PaymentStatus.Paid, OrderStatus.Processing, false, QfPayAlipayDefaults.SystemName, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Cancelled, false, QfPayAlipayDefaults.SystemName, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, true, QfPayAlipayDefaults.SystemName, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, false, "Payments.CheckMoneyOrder", false)]
    public async Task Only_pending_live_orders_of_this_method_can_be_sent_to_the_wallet_again(PaymentStatus payment, OrderStatus status, bool deleted,
        string method, bool expected)
    {
        var order = new Order { PaymentStatus = payment, OrderStatus = status, Deleted = deleted, PaymentMethodSystemName = method };

        Assert.That(await _method.CanRePostProcessPaymentAsync(order), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_additional_fee_uses_the_store_settings()
    {
        _shop.Settings.AdditionalFee = 2.5m;
        _shop.Settings.AdditionalFeePercentage = true;
        _orderTotals.Setup(o => o.CalculatePaymentAdditionalFeeAsync(It.IsAny<IList<ShoppingCartItem>>(), 2.5m, true)).ReturnsAsync(3.2m);

        Assert.That(await _method.GetAdditionalHandlingFeeAsync([]), Is.EqualTo(3.2m));
    }

    [Test]
    public void The_configuration_page_is_the_admin_controller_of_the_plugin()
    {
        Assert.That(_method.GetConfigurationPageUrl(), Is.EqualTo("http://shop.test/Admin/PaymentQfPayAlipay/Configure"));
    }

    [Test]
    public void The_payment_info_step_has_a_view_component()
    {
        Assert.That(_method.GetPublicViewComponent(), Is.EqualTo(typeof(PaymentInfoViewComponent)));
    }

    [Test]
    public async Task The_description_comes_from_the_locale_resources()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Payments.QfPayAlipay.PaymentMethodDescription")).ReturnsAsync("Pay with Alipay");

        Assert.That(await _method.GetPaymentMethodDescriptionAsync(), Is.EqualTo("Pay with Alipay"));
    }
}
