using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

public class QfPayEndpointsTests
{
    [Test]
    public void Test_and_production_are_the_hong_kong_hosts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QfPayEndpoints.BaseUrlFor(QfPayEnvironment.Test).Value, Is.EqualTo(new Uri("https://test-openapi-hk.qfapi.com/")));
            Assert.That(QfPayEndpoints.BaseUrlFor(QfPayEnvironment.Production).Value, Is.EqualTo(new Uri("https://openapi-hk.qfapi.com/")));
        });
    }

    [TestCase("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [TestCase("https://openapi-sg.qfapi.com/", "https://openapi-sg.qfapi.com/")]
    [TestCase(" http://localhost:1234/sim ", "http://localhost:1234/sim/")]
    public void A_custom_base_url_is_any_absolute_http_url(string custom, string expected)
    {
        Assert.That(QfPayEndpoints.BaseUrlFor(QfPayEnvironment.Custom, custom).Value, Is.EqualTo(new Uri(expected)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("localhost:5080")]
    [TestCase("ftp://example.com")]
    [TestCase("http://example.com/?a=1")]
    public void A_custom_base_url_that_is_not_one_is_a_clear_error(string? custom)
    {
        var result = QfPayEndpoints.BaseUrlFor(QfPayEnvironment.Custom, custom);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Error, Does.Contain("custom QFPay base URL"));
        });
    }

    [Test]
    public void The_custom_url_is_ignored_for_the_fixed_environments()
    {
        Assert.That(QfPayEndpoints.BaseUrlFor(QfPayEnvironment.Production, "http://127.0.0.1").Value, Is.EqualTo(QfPayEndpoints.ProductionBaseUrl));
    }

    [TestCase("https://h/", "https://h/trade/v1/query")]
    [TestCase("https://h", "https://h/trade/v1/query")]
    [TestCase("https://h/prefix", "https://h/prefix/trade/v1/query")]
    public void Paths_resolve_under_the_base_url(string baseUrl, string expected)
    {
        Assert.That(QfPayEndpoints.Resolve(new Uri(baseUrl), QfPayEndpoints.QueryPath), Is.EqualTo(new Uri(expected)));
    }
}
