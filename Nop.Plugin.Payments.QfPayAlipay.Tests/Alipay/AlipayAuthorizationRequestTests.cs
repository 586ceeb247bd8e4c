using Microsoft.AspNetCore.WebUtilities;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay.AlipayTestKeys;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

public class AlipayAuthorizationRequestTests
{
    private static readonly AlipayOpenApp App = new("2021000000000001", AppPrivateKey, AlipayPublicKey);

    [Test]
    public void The_authorisation_address_asks_silently_for_the_user_id_and_comes_back_to_the_callback()
    {
        var url = AlipayAuthorizationRequest.Build(App, new Uri("https://shop.example.com/qfpay/alipay/callback?x=1&y=2"), "ab+/=Cd");

        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Multiple(() =>
        {
            Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo("https://openauth.alipay.com/oauth2/publicAppAuthorize.htm"));
            Assert.That(query["app_id"].ToString(), Is.EqualTo("2021000000000001"));
            Assert.That(query["scope"].ToString(), Is.EqualTo("auth_base"));
            Assert.That(query["redirect_uri"].ToString(), Is.EqualTo("https://shop.example.com/qfpay/alipay/callback?x=1&y=2"));
            Assert.That(query["state"].ToString(), Is.EqualTo("ab+/=Cd"));
            Assert.That(url.Query, Does.Contain("redirect_uri=https%3A%2F%2Fshop.example.com%2Fqfpay%2Falipay%2Fcallback%3Fx%3D1%26y%3D2"));
            Assert.That(url.Query, Does.Contain("state=ab%2B%2F%3DCd"));
        });
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("base64url-_")]
    public void A_state_alipay_would_not_accept_is_refused(string state)
    {
        Assert.That(() => AlipayAuthorizationRequest.Build(App, new Uri("https://shop.example.com/cb"), state), Throws.ArgumentException);
    }

    [Test]
    public void A_state_longer_than_100_characters_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AlipayAuthorizationRequest.IsAcceptableState(new string('A', 100)), Is.True);
            Assert.That(AlipayAuthorizationRequest.IsAcceptableState(new string('A', 101)), Is.False);
        });
    }

    [Test]
    public void A_relative_callback_is_refused()
    {
        Assert.That(() => AlipayAuthorizationRequest.Build(App, new Uri("/cb", UriKind.Relative), "abc"), Throws.ArgumentException);
    }
}
