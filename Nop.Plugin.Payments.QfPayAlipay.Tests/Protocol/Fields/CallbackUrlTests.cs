using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Fields;

public class CallbackUrlTests
{
    private static string UrlOfLength(int length)
    {
        const string prefix = "https://shop.example.com/r/";
        return prefix + new string('a', length - prefix.Length);
    }

    [Test]
    public void A_return_url_of_200_characters_is_accepted()
    {
        Assert.That(CallbackUrl.CheckReturnUrl(UrlOfLength(200)).IsValid, Is.True);
    }

    [Test]
    public void A_return_url_of_201_characters_is_a_clear_error()
    {
        var result = CallbackUrl.CheckReturnUrl(UrlOfLength(201));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Error, Does.Contain("201").And.Contain("200"));
        });
    }

    [Test]
    public void A_notify_url_may_exceed_the_recommendation_but_not_255()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CallbackUrl.CheckNotifyUrl(UrlOfLength(230)).IsValid, Is.True);
            Assert.That(CallbackUrl.IsWithinRecommendedLength(UrlOfLength(230)), Is.False);
            Assert.That(CallbackUrl.CheckNotifyUrl(UrlOfLength(256)).IsValid, Is.False);
        });
    }

    [TestCase("/relative/path")]
    [TestCase("ftp://shop.example.com/x")]
    [TestCase("")]
    [TestCase(null)]
    public void Only_absolute_http_urls_are_accepted(string? url)
    {
        Assert.That(CallbackUrl.CheckReturnUrl(url).IsValid, Is.False);
    }

    [Test]
    public void Urls_are_trimmed()
    {
        Assert.That(CallbackUrl.CheckReturnUrl("  https://shop.example.com/r  ").Value, Is.EqualTo("https://shop.example.com/r"));
    }
}
