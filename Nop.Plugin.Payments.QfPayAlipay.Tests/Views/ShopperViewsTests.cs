using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Views;

/// <summary>The shopper pages of issue #7 carry no third-party script and never a QFPay pay_url or secret.</summary>
public partial class ShopperViewsTests
{
    private static readonly string[] ShopperViews = ["OpenInBrowser.cshtml", "ScanToPay.cshtml"];

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

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalSource();
}
