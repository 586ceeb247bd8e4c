using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Localization;

public class ShopperGuidanceTextsTests
{
    private static IEnumerable<InAppBrowserApp> Apps() => Enum.GetValues<InAppBrowserApp>().Where(a => a != InAppBrowserApp.None);

    private static Dictionary<string, string> English() => ShopperGuidanceTexts.All.ToDictionary(t => t.Key, t => t.English);

    [Test]
    public void Every_app_has_steps_with_an_English_text()
    {
        Assert.Multiple(() =>
        {
            foreach (var app in Apps())
            {
                var key = ShopperGuidanceTexts.OpenInBrowserStepsKey(app);
                Assert.That(key, Is.Not.Null, app.ToString());
                Assert.That(English(), Contains.Key(key!), app.ToString());
            }
        });
    }

    [Test]
    public void No_app_means_no_steps()
    {
        Assert.That(ShopperGuidanceTexts.OpenInBrowserStepsKey(InAppBrowserApp.None), Is.Null);
    }

    [Test]
    public void Every_key_lives_under_the_plugins_shopper_prefix_and_has_a_text()
    {
        Assert.Multiple(() =>
        {
            foreach (var (key, text) in English())
            {
                Assert.That(key, Does.StartWith(QfPayAlipayDefaults.LocaleResourcePrefix + ".Shopper.OpenInBrowser."));
                Assert.That(text, Is.Not.Empty.And.EqualTo(text.Trim()), key);
            }
        });
    }

    [Test]
    public void Every_key_is_distinct_ignoring_case_as_nopCommerce_stores_them()
    {
        Assert.That(ShopperGuidanceTexts.All.Select(t => t.Key.ToLowerInvariant()), Is.Unique);
    }

    [Test]
    public void The_page_texts_are_all_there()
    {
        Assert.That(ShopperGuidanceTexts.All, Is.SupersetOf(new[]
        {
            ShopperGuidanceTexts.Title, ShopperGuidanceTexts.Explanation, ShopperGuidanceTexts.CopyLink,
            ShopperGuidanceTexts.LinkCopied, ShopperGuidanceTexts.CopyManually, ShopperGuidanceTexts.ResumeNote,
        }));
    }

    [Test]
    public void Apps_with_an_open_in_browser_menu_say_where_it_is_and_the_others_point_to_the_copy_button()
    {
        var copyButton = ShopperGuidanceTexts.CopyLink.English;

        Assert.Multiple(() =>
        {
            foreach (var app in Apps())
            {
                var steps = English()[ShopperGuidanceTexts.OpenInBrowserStepsKey(app)!];
                if (InAppBrowserMenus.OffersOpenInBrowser(app))
                    Assert.That(steps, Does.Contain("then choose Open in"), app.ToString());
                else
                    Assert.That(steps, Does.Contain(copyButton), app.ToString());
            }
        });
    }
}
