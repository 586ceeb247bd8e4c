using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Views;

/// <summary>
/// Issue #13 item 7: what a real store's default theme showed on the shopper pages. Buttons look like buttons, and a
/// text that says where something is ("below") is placed where that is true.
/// </summary>
public partial class ShopperPageLayoutTests
{
    private static string Read(string view) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay", "Views", view));

    private static readonly string[] Directions = ["below", "above", "下方", "上方", "下面", "上面"];

    [TestCase("PaymentProblem.cshtml")]
    [TestCase("PaymentPending.cshtml")]
    public void The_page_carries_the_checkout_page_class_the_theme_styles_its_buttons_under(string view)
    {
        Assert.That(Read(view), Does.Contain("<div class=\"page checkout-page "));
    }

    [Test]
    public void Retry_payment_is_a_theme_button()
    {
        Assert.That(RetryLink().IsMatch(Read("PaymentProblem.cshtml")), Is.True);
    }

    [Test]
    public void The_manual_copy_hint_comes_before_the_link_it_points_down_to()
    {
        var view = Read("OpenInBrowser.cshtml");

        Assert.Multiple(() =>
        {
            Assert.That(view.IndexOf("ShopperGuidanceTexts.CopyManually.Key", StringComparison.Ordinal),
                Is.GreaterThan(0).And.LessThan(view.IndexOf("id=\"qfpay-resume-link\"", StringComparison.Ordinal)));
            Assert.That(ShopperGuidanceTexts.CopyManually.English, Does.Contain("link below"));
        });
    }

    /// <summary>The Copy link button sits above the steps for some apps and below them for others.</summary>
    [Test]
    public void No_step_text_says_whether_the_copy_button_is_above_or_below_in_any_language()
    {
        var steps = Enum.GetValues<InAppBrowserApp>()
            .Select(ShopperGuidanceTexts.OpenInBrowserStepsKey)
            .OfType<string>()
            .SelectMany(key => PluginResources.All.Where(r => r.Key == key))
            .SelectMany(static r => new[] { r.English, r.TraditionalChinese, r.SimplifiedChinese })
            .ToList();

        Assert.That(steps, Is.Not.Empty);
        Assert.That(steps.Where(text => Directions.Any(text.Contains)), Is.Empty);
    }

    [GeneratedRegex(@"<a class=""button-1""[^>]*>@T\(CheckoutResources\.ProblemRetry\.Key\)</a>")]
    private static partial Regex RetryLink();
}
