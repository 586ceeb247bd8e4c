using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Components;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests;

[TestFixture]
public class QfPayAlipayPaymentMethodTests
{
    private Mock<ILogger> _logger = null!;
    private Mock<ISettingService> _settingService = null!;
    private Mock<ILocalizationService> _localization = null!;
    private Mock<IOrderTotalCalculationService> _orderTotals = null!;
    private FakeTimeProvider _clock = null!;
    private QfPayAlipaySettings _settings = null!;
    private QfPayAlipayPaymentMethod _method = null!;

    [SetUp]
    public void SetUp()
    {
        _logger = new Mock<ILogger>();
        _settingService = new Mock<ISettingService>();
        _localization = new Mock<ILocalizationService>();
        _orderTotals = new Mock<IOrderTotalCalculationService>();
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 18, 6, 0, 0, TimeSpan.Zero));
        _settings = new QfPayAlipaySettings();
        _settingService.Setup(s => s.LoadSettingAsync<QfPayAlipaySettings>(It.IsAny<int>())).ReturnsAsync(() => _settings);

        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1, Name = "Demo store" });
        var webHelper = new Mock<IWebHelper>();
        webHelper.Setup(w => w.GetStoreLocation(It.IsAny<bool?>())).Returns("https://shop.example/");

        _method = new QfPayAlipayPaymentMethod(new CheckoutAvailability(), _localization.Object, _logger.Object,
            new LogThrottle(_clock), _orderTotals.Object, _settingService.Object, storeContext.Object, webHelper.Object);
    }

    private void Configure()
    {
        _settings.AppCode = "6C1E0B9A4F2D4E7B8A3C5D9E1F0A2B4C";
        _settings.ClientKey = "F3A1C9E7B2D84A6F9C0E1B5D7A3F2C8E";
    }

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

        _logger.Verify(l => l.WarningAsync(It.Is<string>(m => m.Contains("no QFPay app code is configured") && m.Contains("Demo store")),
            null, null), Times.Once);

        _clock.Advance(LogThrottle.Interval);
        await _method.HidePaymentMethodAsync([]);

        _logger.Verify(l => l.WarningAsync(It.IsAny<string>(), null, null), Times.Exactly(2));
    }

    [Test]
    public async Task A_custom_environment_without_a_base_url_is_not_configured()
    {
        Configure();
        _settings.Environment = QfPayEnvironment.Custom;

        Assert.That(await _method.HidePaymentMethodAsync([]), Is.True);

        _settings.CustomBaseUrl = "http://127.0.0.1:5080";
        Assert.That(await _method.HidePaymentMethodAsync([]), Is.False);
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
    public async Task Post_processing_an_order_of_an_unconfigured_store_logs_why_and_does_not_throw()
    {
        var order = new Order { Id = 7, StoreId = 1, CustomOrderNumber = "10025" };

        await _method.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });

        _logger.Verify(l => l.WarningAsync(It.Is<string>(m => m.Contains("10025") && m.Contains("not started")), null, null), Times.Once);
    }

    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, false, true)]
    [TestCase(PaymentStatus.Paid, OrderStatus.Processing, false, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Cancelled, false, false)]
    [TestCase(PaymentStatus.Pending, OrderStatus.Pending, true, false)]
    public async Task Only_pending_live_orders_can_be_sent_to_the_wallet_again(PaymentStatus payment, OrderStatus status, bool deleted, bool expected)
    {
        var order = new Order { PaymentStatus = payment, OrderStatus = status, Deleted = deleted };

        Assert.That(await _method.CanRePostProcessPaymentAsync(order), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_additional_fee_uses_the_store_settings()
    {
        _settings.AdditionalFee = 2.5m;
        _settings.AdditionalFeePercentage = true;
        _orderTotals.Setup(o => o.CalculatePaymentAdditionalFeeAsync(It.IsAny<IList<ShoppingCartItem>>(), 2.5m, true)).ReturnsAsync(3.2m);

        Assert.That(await _method.GetAdditionalHandlingFeeAsync([]), Is.EqualTo(3.2m));
    }

    [Test]
    public void The_configuration_page_is_the_admin_controller_of_the_plugin()
    {
        Assert.That(_method.GetConfigurationPageUrl(), Is.EqualTo("https://shop.example/Admin/PaymentQfPayAlipay/Configure"));
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
