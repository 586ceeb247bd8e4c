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

/// <summary>The languages the plugin ships its texts in.</summary>
public enum LocaleVariant
{
    English,

    /// <summary>繁體中文, as written in Hong Kong (zh-HK).</summary>
    TraditionalChinese,

    /// <summary>简体中文, as written in Mainland China (zh-CN).</summary>
    SimplifiedChinese,
}

public static class LocaleVariants
{
    private static readonly string[] TraditionalCultures = ["zh-HK", "zh-TW", "zh-MO", "zh-Hant"];

    private static readonly string[] SimplifiedCultures = ["zh-CN", "zh-SG", "zh-Hans"];

    /// <summary>
    /// Which texts a store language gets: Traditional Chinese for Hong Kong, Taiwan, Macau and any zh-Hant
    /// culture, Simplified for Mainland China, Singapore and any zh-Hans culture, English for everything else
    /// (a store's other languages then read English until someone translates them).
    /// </summary>
    public static LocaleVariant ForCulture(string? culture)
    {
        var name = culture?.Trim().Replace('_', '-') ?? string.Empty;
        if (Matches(name, TraditionalCultures))
            return LocaleVariant.TraditionalChinese;

        return Matches(name, SimplifiedCultures) ? LocaleVariant.SimplifiedChinese : LocaleVariant.English;
    }

    // "zh-Hant-HK" and "zh-hk" match "zh-Hant" and "zh-HK"; "zh-HKX" does not.
    private static bool Matches(string name, string[] cultures) =>
        cultures.Any(c => name.Equals(c, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(c + "-", StringComparison.OrdinalIgnoreCase));
}
