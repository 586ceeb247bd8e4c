namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>One locale string resource in every language the plugin ships, so no language can miss a key.</summary>
public sealed record LocaleResource(string Key, string English, string TraditionalChinese, string SimplifiedChinese)
{
    public string In(LocaleVariant variant) => variant switch
    {
        LocaleVariant.TraditionalChinese => TraditionalChinese,
        LocaleVariant.SimplifiedChinese => SimplifiedChinese,
        _ => English,
    };
}
