namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Every locale string resource the plugin installs, all under <see cref="QfPayAlipayDefaults.LocaleResourcePrefix"/>.
/// Adding a text is one line in one of the partial files (shopper, admin, validation, refunds, order page, protocol),
/// with its three languages side by side; install and upgrade pick it up from here.
/// </summary>
public static partial class PluginResources
{
    private static readonly Lazy<IReadOnlyList<LocaleResource>> Table = new(static () =>
        [.. Shopper(), .. Admin(), .. Validation(), .. Refunds(), .. OrderStatusPage(), .. Protocol(), .. ServiceWindow()]);

    public static IReadOnlyList<LocaleResource> All => Table.Value;

    /// <summary>Key → text in <paramref name="variant"/>, the shape AddOrUpdateLocaleResourceAsync takes.</summary>
    public static IDictionary<string, string> For(LocaleVariant variant) =>
        All.ToDictionary(static r => r.Key, r => r.In(variant), StringComparer.OrdinalIgnoreCase);

    /// <summary>The English text of <paramref name="key"/>, or null (for tests and fallbacks).</summary>
    public static string? English(string key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase))?.English;

    private static LocaleResource R(string key, string english, string traditionalChinese, string simplifiedChinese) =>
        new(key, english, traditionalChinese, simplifiedChinese);

    /// <summary>
    /// Texts whose English lives with the code that uses them (another class's key → English table), with the
    /// Chinese kept here by key. A key without Chinese falls back to English rather than failing an install;
    /// the locale tests catch the gap before release.
    /// </summary>
    private static IEnumerable<LocaleResource> WithChinese(IEnumerable<KeyValuePair<string, string>> english,
        IReadOnlyDictionary<string, (string Traditional, string Simplified)> chinese) =>
        english.Select(e => chinese.TryGetValue(e.Key, out var zh)
            ? R(e.Key, e.Value, zh.Traditional, zh.Simplified)
            : R(e.Key, e.Value, e.Value, e.Value));
}
