using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>What the client hints say, each value null when absent or unreadable.</summary>
internal readonly record struct ClientHints(bool? Mobile, DevicePlatform? Platform, bool SaysAndroidWebView, int? MaxTouchPoints)
{
    public bool SayAnything => Mobile is not null || Platform is not null || SaysAndroidWebView;

    public static ClientHints Read(IReadOnlyDictionary<string, string>? hints)
    {
        if (hints is null || hints.Count == 0)
            return default;

        bool? mobile = null;
        DevicePlatform? platform = null;
        var androidWebView = false;
        int? touchPoints = null;

        // One pass instead of TryGetValue: the caller's dictionary may compare keys case-sensitively.
        foreach (var (key, value) in hints)
        {
            if (key is null || value is null)
                continue;

            if (key.Equals(ClientHintNames.Mobile, StringComparison.OrdinalIgnoreCase))
                mobile = ReadBoolean(value);
            else if (key.Equals(ClientHintNames.Platform, StringComparison.OrdinalIgnoreCase))
                platform = ReadPlatform(value);
            else if (key.Equals(ClientHintNames.Brands, StringComparison.OrdinalIgnoreCase))
                androidWebView = value.Contains("Android WebView", StringComparison.OrdinalIgnoreCase);
            else if (key.Equals(ClientHintNames.MaxTouchPoints, StringComparison.OrdinalIgnoreCase)
                     && int.TryParse(value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var points))
                touchPoints = points;
        }

        return new ClientHints(mobile, platform, androidWebView, touchPoints);
    }

    // Structured-field boolean (RFC 8941): "?1" or "?0".
    private static bool? ReadBoolean(string value) => value.AsSpan().Trim() switch
    {
        "?1" => true,
        "?0" => false,
        _ => null,
    };

    private static DevicePlatform? ReadPlatform(string value)
    {
        // Structured-field string: the quotes are part of the value; a proxy may have dropped them.
        var name = value.AsSpan().Trim().Trim('"').Trim();

        if (name.IsEmpty || Is(name, "Unknown"))
            return null;
        if (Is(name, "Android"))
            return DevicePlatform.Android;
        if (Is(name, "iOS"))
            return DevicePlatform.IOS;
        if (Is(name, "Windows"))
            return DevicePlatform.Windows;
        if (Is(name, "macOS"))
            return DevicePlatform.MacOS;
        if (Is(name, "Linux"))
            return DevicePlatform.Linux;
        if (Is(name, "Chrome OS") || Is(name, "Chromium OS") || Is(name, "ChromeOS"))
            return DevicePlatform.ChromeOS;
        if (Is(name, "HarmonyOS") || Is(name, "OpenHarmony"))
            return DevicePlatform.HarmonyOS;
        return DevicePlatform.Other;
    }

    private static bool Is(ReadOnlySpan<char> name, string expected) => name.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
