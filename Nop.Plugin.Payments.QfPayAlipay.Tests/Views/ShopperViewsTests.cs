using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Views;

/// <summary>The shopper pages of issue #7 carry no third-party script and never a QFPay pay_url or secret.</summary>
public partial class ShopperViewsTests
{
    private static readonly string[] ShopperViews = ["OpenInBrowser.cshtml", "ScanToPay.cshtml", "AlipayTradePay.cshtml"];

    private static string Read(string view) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay", "Views", view));

    [TestCaseSource(nameof(ShopperViews))]
    public void A_shopper_page_loads_no_script_or_image_from_elsewhere(string view)
    {
        Assert.That(ExternalSource().IsMatch(Read(view)), Is.False);
    }

    [TestCaseSource(nameof(ShopperViews))]
    public void A_shopper_page_never_prints_a_pay_url_or_a_key(string view)
    {
        var text = Read(view);

        Assert.That(text, Does.Not.Contain("PayUrl"));
        Assert.That(text, Does.Not.Contain("ClientKey"));
        Assert.That(text, Does.Not.Contain("Syssn"));
    }

    [TestCaseSource(nameof(ShopperViews))]
    public void A_shopper_page_is_laid_out_for_a_phone_first(string view)
    {
        // Readable at 360 px: a narrow column that never forces horizontal scrolling.
        Assert.That(Read(view), Does.Contain("max-width: 32rem").And.Contain("word-break: break-all"));
    }

    [Test]
    public void The_800107_page_hands_the_escaped_trade_number_to_tradePay_and_then_polls_the_status_endpoint()
    {
        var text = Read("AlipayTradePay.cshtml");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("AlipayJSBridge.call(\"tradePay\", @Html.Raw(Model.TradePayArguments)"));
            Assert.That(text, Does.Contain("AlipayJSBridgeReady"));
            Assert.That(text, Does.Contain("fetch(statusUrl"));
        });
    }

    [Test]
    public void The_trade_number_cannot_break_out_of_the_script()
    {
        var model = new Nop.Plugin.Payments.QfPayAlipay.Models.AlipayTradePayModel(1, "1", "</script><script>alert(1)</script>\"'", "https://shop.test/s", 3);

        Assert.That(model.TradePayArguments, Does.Not.Contain("<").And.Not.Contain(">").And.Not.Contain("'").And.StartsWith("{\"tradeNO\":\""));
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalSource();
}
