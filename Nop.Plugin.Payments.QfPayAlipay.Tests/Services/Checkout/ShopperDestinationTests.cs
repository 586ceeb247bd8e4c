using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

public class ShopperDestinationTests
{
    private static readonly Guid OrderGuid = Guid.Parse("5f0c6d1e-9b7a-4c61-8a3b-2f4e6a8c0d12");
    private static readonly CallbackUrls Urls = new("https://shop.example/");
    private static readonly PaymentStart ToWallet = PaymentStart.ToWallet("https://pay.example/x", new QfPayPaymentAttempt());

    [TestCase(UserAgents.WeChatOnIPhone, "https://shop.example/Plugins/QfPayAlipay/OpenInBrowser/5f0c6d1e-9b7a-4c61-8a3b-2f4e6a8c0d12")]
    [TestCase(UserAgents.DesktopChrome, "https://shop.example/Plugins/QfPayAlipay/Scan/5f0c6d1e-9b7a-4c61-8a3b-2f4e6a8c0d12")]
    [TestCase(UserAgents.IPhoneSafari, "https://pay.example/x")]
    [TestCase("", "https://pay.example/x")]
    public void A_started_payment_sends_each_browser_where_it_can_pay(string userAgent, string expected)
    {
        Assert.That(ShopperDestination.After(ToWallet, BrowserClassifier.Classify(userAgent), Urls, OrderGuid), Is.EqualTo(expected));
    }

    [Test]
    public void A_payment_that_did_not_start_goes_to_the_problem_page_in_every_browser()
    {
        var problem = PaymentStart.ToProblemPage("https://shop.example/Plugins/QfPayAlipay/PaymentProblem/x", null, "refused");

        Assert.That(ShopperDestination.After(problem, BrowserClassifier.Classify(UserAgents.WeChatOnIPhone), Urls, OrderGuid),
            Is.EqualTo(problem.RedirectUrl));
    }
}
