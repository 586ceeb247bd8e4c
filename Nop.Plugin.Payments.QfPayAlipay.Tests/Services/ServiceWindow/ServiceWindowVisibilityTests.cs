using Moq;
using Nop.Core.Domain.Directory;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.ServiceWindow;

/// <summary>800107 is offered only with a usable Alipay app, and only inside the mainland Alipay app.</summary>
public class ServiceWindowVisibilityTests
{
    private const string MainlandAlipay =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(AP/10.5.30.6000) AlipayClient/10.5.30.6000";

    private const string AlipayHk =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AlipayClientHK/5.4.0";

    private static CheckoutVisibility Visibility()
    {
        var currencies = new Mock<ICurrencyService>();
        currencies.Setup(c => c.GetCurrencyByCodeAsync(It.IsAny<string>()))
            .ReturnsAsync(new Currency { CurrencyCode = "HKD", Published = true, Rate = 1m });
        return new CheckoutVisibility(new CheckoutAvailability(), currencies.Object);
    }

    private static QfPayAlipaySettings Configured() => new()
    {
        Environment = Nop.Plugin.Payments.QfPayAlipay.Protocol.Client.QfPayEnvironment.Test,
        AppCode = "A1B2C3D4E5F6",
        ClientKey = "0123456789ABCDEF0123456789ABCDEF",
        PayType = QfPayPayType.AlipayServiceWindowH5,
        ChargeCurrency = "HKD",
        AlipayAppId = "2021000000000001",
        AlipayAppPrivateKey = AlipayTestKeys.AppPrivateKey,
        AlipayPublicKey = AlipayTestKeys.AlipayPublicKey,
    };

    [Test]
    public async Task A_usable_alipay_app_makes_800107_available_in_the_store()
    {
        var verdict = await Visibility().EvaluateAsync(Configured());

        Assert.That(verdict.IsAvailable, Is.True, verdict.Reason);
    }

    [Test]
    public async Task Blank_alipay_app_settings_keep_800107_hidden_with_the_old_reason()
    {
        var settings = Configured();
        settings.AlipayAppId = settings.AlipayAppPrivateKey = settings.AlipayPublicKey = null;

        var verdict = await Visibility().EvaluateAsync(settings);

        Assert.That(verdict.Reason, Is.EqualTo(CheckoutVisibility.ServiceWindowReason));
    }

    [Test]
    public async Task An_alipay_app_whose_keys_do_not_validate_hides_800107_without_quoting_the_key()
    {
        var settings = Configured();
        settings.AlipayPublicKey = AlipayTestKeys.AppPublicKey;

        var verdict = await Visibility().EvaluateAsync(settings);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsAvailable, Is.False);
            Assert.That(verdict.Reason, Does.Contain("own public key"));
            Assert.That(verdict.Reason, Does.Not.Contain(AlipayTestKeys.AppPrivateKey[..40]));
        });
    }

    [TestCase(MainlandAlipay, true)]
    [TestCase(AlipayHk, false)]
    [TestCase(UserAgents.IPhoneSafari, false)]
    [TestCase(UserAgents.WeChatOnIPhone, false)]
    [TestCase(UserAgents.DesktopChrome, false)]
    [TestCase("", false)]
    public void Only_the_mainland_alipay_app_is_offered_800107(string userAgent, bool offered)
    {
        var verdict = Visibility().ForBrowser(Configured(), BrowserClassifier.Classify(userAgent));

        Assert.That(verdict.IsAvailable, Is.EqualTo(offered), verdict.Reason);
    }

    [Test]
    public void Other_pay_types_are_not_affected_by_the_alipay_app_rule()
    {
        var settings = Configured();
        settings.PayType = QfPayPayType.AlipayHongKongWap;

        Assert.That(Visibility().ForBrowser(settings, BrowserClassifier.Classify(UserAgents.IPhoneSafari)).IsAvailable, Is.True);
    }
}
