using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Signing;

public class QfPayHeadersTests
{
    [Test]
    public void Md5_requests_carry_app_code_and_sign_but_no_sign_type()
    {
        var headers = QfPayHeaders.ForRequest("APP", "SIG", QfPaySignType.Md5);

        Assert.That(headers, Is.EquivalentTo(new Dictionary<string, string> { ["X-QF-APPCODE"] = "APP", ["X-QF-SIGN"] = "SIG" }));
    }

    [Test]
    public void Sha256_requests_also_announce_the_sign_type()
    {
        var headers = QfPayHeaders.ForRequest("APP", "SIG", QfPaySignType.Sha256);

        Assert.That(headers, Does.Contain(new KeyValuePair<string, string>("X-QF-SIGNTYPE", "SHA256")));
    }
}
