using Nop.Plugin.Payments.QfPayAlipay.Services;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services;

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
}
