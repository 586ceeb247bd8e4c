using Nop.Plugin.Payments.QfPayAlipay.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Localization;

public class LocaleVariantsTests
{
    [TestCase("zh-HK")]
    [TestCase("zh-TW")]
    [TestCase("zh-MO")]
    [TestCase("zh-Hant")]
    [TestCase("zh-Hant-HK")]
    [TestCase("ZH-hk")]
    [TestCase("zh_HK")]
    public void Hong_Kong_Taiwan_Macau_and_Hant_cultures_get_traditional_chinese(string culture)
    {
        Assert.That(LocaleVariants.ForCulture(culture), Is.EqualTo(LocaleVariant.TraditionalChinese));
    }

    [TestCase("zh-CN")]
    [TestCase("zh-SG")]
    [TestCase("zh-Hans")]
    [TestCase("zh-Hans-CN")]
    public void Mainland_Singapore_and_Hans_cultures_get_simplified_chinese(string culture)
    {
        Assert.That(LocaleVariants.ForCulture(culture), Is.EqualTo(LocaleVariant.SimplifiedChinese));
    }

    [TestCase("en-US")]
    [TestCase("fr-FR")]
    [TestCase("ja-JP")]
    [TestCase("zh-HKX")]
    [TestCase("")]
    [TestCase(null)]
    public void Every_other_culture_gets_english(string? culture)
    {
        Assert.That(LocaleVariants.ForCulture(culture), Is.EqualTo(LocaleVariant.English));
    }
}
