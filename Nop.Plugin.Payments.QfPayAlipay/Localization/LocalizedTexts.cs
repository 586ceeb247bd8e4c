using System.Globalization;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Admin-facing texts of refunds, reconciliation and the order page: the store's locale resource when it exists,
/// otherwise the row's shipped English, so a message is never shown as a bare resource key (e.g. before an upgrade
/// added the resource).
/// </summary>
public class LocalizedTexts
{
    private readonly ILocalizationService _localizationService;

    public LocalizedTexts(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    /// <summary>The text of <paramref name="text"/> in the admin's language, with <paramref name="args"/> filled in.</summary>
    public virtual async Task<string> GetAsync(LocaleResource text, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(text);
        var format = await ResourceOrDefaultAsync(text.Key, text.English);
        if (args.Length == 0)
            return format;

        try
        {
            return string.Format(CultureInfo.CurrentCulture, format, args);
        }
        catch (FormatException)
        {
            // A translation with broken placeholders must not hide the message: fall back to the shipped English.
            return string.Format(CultureInfo.CurrentCulture, text.English, args);
        }
    }

    /// <summary>The resource <paramref name="key"/>, or <paramref name="english"/> when the store has none.</summary>
    public virtual async Task<string> ResourceOrDefaultAsync(string key, string english)
    {
        var value = await _localizationService.GetResourceAsync(key);

        // nopCommerce answers a missing resource with the key itself.
        return string.IsNullOrWhiteSpace(value) || string.Equals(value, key, StringComparison.OrdinalIgnoreCase) ? english : value;
    }
}
