using System.Globalization;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>
/// Admin-facing texts of refunds, reconciliation and the order page: the store's locale resource when it exists,
/// otherwise the English text shipped here, so a message is never shown as a bare resource key (e.g. before an
/// upgrade added the resource).
/// </summary>
public class LocalizedTexts
{
    private readonly ILocalizationService _localizationService;

    public LocalizedTexts(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    /// <summary>The text of <paramref name="text"/> in the admin's language, with <paramref name="args"/> filled in.</summary>
    public virtual async Task<string> GetAsync(AdminText text, params object?[] args)
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

/// <summary>A locale resource key with the English text it ships with (placeholders {0}, {1}, ...).</summary>
public sealed record AdminText(string Key, string English);
