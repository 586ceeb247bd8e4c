using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Checkout;

public class NotificationAddressTests
{
    [TestCase("https://shop.example/", "https://shop.example/Plugins/QfPayAlipay/Notify")]
    [TestCase("https://shop.example", "https://shop.example/Plugins/QfPayAlipay/Notify")]
    [TestCase("https://shop.example/hk/", "https://shop.example/hk/Plugins/QfPayAlipay/Notify")]
    [TestCase(" http://127.0.0.1:5000/ ", "http://127.0.0.1:5000/Plugins/QfPayAlipay/Notify")]
    public void The_notification_url_is_the_store_url_and_the_language_neutral_path(string storeUrl, string expected)
    {
        Assert.That(NotificationAddress.ForStore(storeUrl), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("shop.example")]
    [TestCase("ftp://shop.example/")]
    public void A_store_without_an_absolute_http_url_has_none(string? storeUrl)
    {
        Assert.That(NotificationAddress.ForStore(storeUrl), Is.Null);
    }

    [TestCase("https://shop.example/Plugins/QfPayAlipay/Notify")]
    [TestCase("https://shop.example:443/Plugins/QfPayAlipay/Notify")]
    [TestCase("https://203.0.113.7/Plugins/QfPayAlipay/Notify")]
    [TestCase("https://[2001:db8::7]/Plugins/QfPayAlipay/Notify")]
    [TestCase("https://172.32.0.1/Plugins/QfPayAlipay/Notify")]
    public void A_public_https_address_on_port_443_has_no_problem(string url)
    {
        Assert.That(NotificationAddress.ProblemsOf(url), Is.Empty);
    }

    [TestCase("http://shop.example/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.NotHttps })]
    [TestCase("https://shop.example:8443/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.UnsupportedPort })]
    [TestCase("http://shop.example:80/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.NotHttps })]
    [TestCase("http://localhost:5000/Plugins/QfPayAlipay/Notify",
        new[] { NotificationUrlProblem.NotHttps, NotificationUrlProblem.UnsupportedPort, NotificationUrlProblem.LocalName })]
    [TestCase("https://shop.local/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.LocalName })]
    [TestCase("https://intranet/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.LocalName })]
    [TestCase("https://127.0.0.1/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://10.1.2.3/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://172.16.0.1/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://192.168.1.20/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://169.254.1.1/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://100.64.0.1/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://[::1]/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://[fd00::1]/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    [TestCase("https://[::ffff:192.168.1.20]/Plugins/QfPayAlipay/Notify", new[] { NotificationUrlProblem.PrivateAddress })]
    public void An_address_QFPay_cannot_post_to_says_why(string url, NotificationUrlProblem[] expected)
    {
        Assert.That(NotificationAddress.ProblemsOf(url), Is.EqualTo(expected));
    }
}
