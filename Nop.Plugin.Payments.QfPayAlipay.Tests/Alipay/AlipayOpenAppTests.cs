using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.AlipayTestKeys;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

public class AlipayOpenAppTests
{
    private static AlipayOpenApp App() => new("2021000000000001", AppPrivateKey, AlipayPublicKey);

    [Test]
    public void A_complete_app_is_valid_and_points_at_alipays_production_hosts()
    {
        var app = App();

        Assert.Multiple(() =>
        {
            Assert.That(app.Validate(), Is.Null);
            Assert.That(app.GatewayUrl.AbsoluteUri, Is.EqualTo("https://openapi.alipay.com/gateway.do"));
            Assert.That(app.AuthorizeUrl.AbsoluteUri, Is.EqualTo("https://openauth.alipay.com/oauth2/publicAppAuthorize.htm"));
        });
    }

    [Test]
    public void Printing_the_app_never_shows_the_private_key()
    {
        var text = App().ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("2021000000000001").And.Contain("[redacted]"));
            Assert.That(text, Does.Not.Contain(AppPrivateKey[..40]).And.Not.Contain(AppPrivateKey[^40..]));
        });
    }

    [Test]
    public void The_apps_own_public_key_in_the_alipay_public_key_field_is_named_as_the_mistake_it_is()
    {
        var problem = (App() with { AlipayPublicKey = AppPublicKey }).Validate();

        Assert.That(problem, Does.Contain("this app's own public key"));
    }

    [TestCase("http://openapi.alipay.com/gateway.do", "https")]
    [TestCase("gateway.do", "absolute")]
    public void A_gateway_that_is_not_https_or_not_absolute_is_refused(string url, string reason)
    {
        var problem = (App() with { GatewayUrl = new Uri(url, UriKind.RelativeOrAbsolute) }).Validate();

        Assert.That(problem, Does.Contain(reason));
    }

    [Test]
    public void Plain_http_is_allowed_for_a_simulator_on_loopback()
    {
        var app = App() with { GatewayUrl = new Uri("http://127.0.0.1:5080/alipay/gateway.do"), AuthorizeUrl = new Uri("http://localhost:5080/a") };

        Assert.That(app.Validate(), Is.Null);
    }

    [TestCase("")]
    [TestCase(" 2021000000000001")]
    public void A_missing_or_padded_app_id_is_refused(string appId)
    {
        Assert.That((App() with { AppId = appId }).Validate(), Does.Contain("app id"));
    }
}
