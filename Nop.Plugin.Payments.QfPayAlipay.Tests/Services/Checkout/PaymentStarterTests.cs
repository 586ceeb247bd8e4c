using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

/// <summary>Cases where QFPay is never asked; the ones that reach it run against the simulator in Acceptance/.</summary>
[TestFixture]
public class PaymentStarterTests
{
    private Shop _shop = null!;
    private IServiceProvider _services = null!;

    [SetUp]
    public void SetUp()
    {
        _shop = new Shop();
        _services = _shop.BuildServices();
    }

    private Task<PaymentStart> StartAsync(Nop.Core.Domain.Orders.Order order) =>
        _services.CreateScope().ServiceProvider.GetRequiredService<PaymentStarter>().StartAsync(order);

    [Test]
    public async Task When_the_attempt_cannot_be_recorded_QFPay_is_not_asked_and_the_shopper_sees_the_problem_page()
    {
        var order = _shop.AddOrder();
        _shop.Attempts.IsDown = true;

        var start = await StartAsync(order);

        Assert.That(start.SentToWallet, Is.False);
        Assert.That(start.RedirectUrl, Does.Contain("/Plugins/QfPayAlipay/PaymentProblem/"));
        Assert.That(start.Reason, Does.Contain("database error"));
        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task An_order_of_the_service_window_pay_type_is_not_started_without_the_Alipay_app()
    {
        _shop.Settings.PayType = QfPayPayType.AlipayServiceWindowH5;
        var order = _shop.AddOrder();

        var start = await StartAsync(order);

        Assert.That(start.SentToWallet, Is.False);
        Assert.That(_shop.NotesOf(order).Single(), Does.Contain("needs the Alipay app"));
        Assert.That(_shop.Attempts.All, Is.Empty);
    }

    [Test]
    public async Task A_charge_currency_missing_from_the_store_is_explained_in_the_note_and_the_log()
    {
        _shop.Currencies.Remove("HKD");
        var order = _shop.AddOrder();

        var start = await StartAsync(order);

        Assert.That(start.SentToWallet, Is.False);
        Assert.That(_shop.Log.At(LogLevel.Warning).Single(), Does.Contain(order.CustomOrderNumber).And.Contain("HKD is not set up"));
    }

    [Test]
    public async Task Nothing_unexpected_escapes_as_an_exception()
    {
        _shop.CurrencyService.Setup(c => c.GetCurrencyByCodeAsync(It.IsAny<string>())).ThrowsAsync(new InvalidOperationException("boom"));
        var order = _shop.AddOrder();

        var start = await StartAsync(order);

        Assert.That(start.SentToWallet, Is.False);
        Assert.That(_shop.Log.At(LogLevel.Error).Single(), Does.Contain("not started"));
    }

    [Test]
    public void The_return_url_carries_only_the_out_trade_no_and_stays_within_Alipays_200_characters()
    {
        var urls = new CallbackUrls("https://shop.example.com");
        var outTradeNo = OutTradeNumber.ForPayment(new string('9', 40), 12);

        Assert.Multiple(() =>
        {
            Assert.That(urls.Return(outTradeNo), Is.EqualTo($"https://shop.example.com/Plugins/QfPayAlipay/Return/{outTradeNo}"));
            Assert.That(urls.ReturnFits(outTradeNo), Is.True);
            Assert.That(urls.Notify, Is.EqualTo("https://shop.example.com/Plugins/QfPayAlipay/Notify"));
            Assert.That(new CallbackUrls("https://shop.example.com/store/").Notify, Is.EqualTo("https://shop.example.com/store/Plugins/QfPayAlipay/Notify"));
        });
    }
}
