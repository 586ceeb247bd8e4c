namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>Reads the operating system and the mobile flag from the User-Agent alone.</summary>
internal static class PlatformSignatures
{
    public static DevicePlatform Detect(ReadOnlySpan<char> userAgent)
    {
        // Order matters: HarmonyOS 2–4 UAs also say "Android"; iOS UAs say "like Mac OS X"; Android and
        // ChromeOS UAs say "Linux".
        if (Has(userAgent, "OpenHarmony") || Has(userAgent, "HarmonyOS"))
            return DevicePlatform.HarmonyOS;
        if (Has(userAgent, "iPhone") || Has(userAgent, "iPad") || Has(userAgent, "iPod"))
            return DevicePlatform.IOS;
        if (Has(userAgent, "Android"))
            return DevicePlatform.Android;
        if (Has(userAgent, "CrOS"))
            return DevicePlatform.ChromeOS;
        if (Has(userAgent, "Windows"))
            return DevicePlatform.Windows;
        if (Has(userAgent, "Macintosh") || Has(userAgent, "Mac OS X"))
            return DevicePlatform.MacOS;
        if (Has(userAgent, "Linux"))
            return DevicePlatform.Linux;
        return DevicePlatform.Other;
    }

    /// <summary>
    /// iPadOS 13+ Safari sends the same UA as Safari on a Mac, and Safari sends no client hints, so an
    /// iPad is told apart only when an app's web view kept the iOS "Mobile/" token, or when the page
    /// reported touch points (<see cref="ClientHintNames.MaxTouchPoints"/>; Macs have none). Otherwise
    /// an iPad is classified as a Mac desktop, which is a known limitation: it gets the QR page.
    /// </summary>
    public static bool IsIPadPosingAsMac(ReadOnlySpan<char> userAgent, int? maxTouchPoints) =>
        Has(userAgent, "Mobile/") || maxTouchPoints > 1;

    /// <summary>"Mobile" also covers "Mobile Safari", Firefox's "(Android 14; Mobile;" and KaiOS' "(Mobile;".</summary>
    public static bool HasMobileToken(ReadOnlySpan<char> userAgent) => Has(userAgent, "Mobile");

    /// <summary>X11 without Linux (FreeBSD, OpenBSD) is still a desktop.</summary>
    public static bool HasDesktopWindowSystem(ReadOnlySpan<char> userAgent) => Has(userAgent, "X11");

    public static bool IsMobileSystem(DevicePlatform platform) =>
        platform is DevicePlatform.IOS or DevicePlatform.Android or DevicePlatform.HarmonyOS;

    public static bool IsDesktopSystem(DevicePlatform platform) =>
        platform is DevicePlatform.Windows or DevicePlatform.MacOS or DevicePlatform.Linux or DevicePlatform.ChromeOS;

    private static bool Has(ReadOnlySpan<char> userAgent, string token) => userAgent.Contains(token, StringComparison.Ordinal);
}
