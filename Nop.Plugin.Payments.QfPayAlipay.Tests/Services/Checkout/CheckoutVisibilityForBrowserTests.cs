using Moq;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

public class CheckoutVisibilityForBrowserTests
{
    private static readonly CheckoutVisibility Visibility = new(new CheckoutAvailability(), Mock.Of<ICurrencyService>());

    [TestCase(UserAgents.DesktopChrome, false)]
    [TestCase(UserAgents.IPhoneSafari, true)]
    [TestCase(UserAgents.WeChatOnIPhone, true)]
    [TestCase("", true)]
    public void HideOnDesktop_hides_the_method_from_desktop_browsers_only(string userAgent, bool offered)
    {
        var settings = new QfPayAlipaySettings { HideOnDesktop = true };

        Assert.That(Visibility.ForBrowser(settings, BrowserClassifier.Classify(userAgent)).IsAvailable, Is.EqualTo(offered));
    }

    [Test]
    public void By_default_desktops_are_offered_the_method_with_a_QR_code()
    {
        Assert.That(Visibility.ForBrowser(new QfPayAlipaySettings(), BrowserClassifier.Classify(UserAgents.DesktopChrome)).IsAvailable, Is.True);
    }
}
