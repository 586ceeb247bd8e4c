namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Every locale string resource the plugin installs, all under <see cref="QfPayAlipayDefaults.LocaleResourcePrefix"/>.
/// A text is one row: its key and its three languages side by side, in the file of its area (PluginResources.Shopper,
/// .Admin, .Validation, .Refunds, .OrderStatus, .Protocol, .ServiceWindow). A text the code names is a member of its
/// area's class (e.g. <see cref="RefundTexts.NotConfigured"/>); install and upgrade pick every row up from here.
/// </summary>
public static partial class PluginResources
{
    private static readonly Lazy<IReadOnlyList<LocaleResource>> Table = new(static () =>
        [
            .. Shopper(), .. Admin(), .. Validation(), .. RefundTexts.All, .. OrderStatusTexts.All, .. StatusNames.All, .. Protocol(),
            .. ServiceWindowResources.All,
        ]);

    public static IReadOnlyList<LocaleResource> All => Table.Value;

    /// <summary>Key → text in <paramref name="variant"/>, the shape AddOrUpdateLocaleResourceAsync takes.</summary>
    public static IDictionary<string, string> For(LocaleVariant variant) =>
        All.ToDictionary(static r => r.Key, r => r.In(variant), StringComparer.OrdinalIgnoreCase);

    /// <summary>The English text of <paramref name="key"/>, or null (for tests and fallbacks).</summary>
    public static string? English(string key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase))?.English;

    private static LocaleResource R(string key, string english, string traditionalChinese, string simplifiedChinese) =>
        new(key, english, traditionalChinese, simplifiedChinese);
}
