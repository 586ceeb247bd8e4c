namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>The shopper's operating system. Names follow .NET's <c>OperatingSystem.IsIOS</c>/<c>IsMacOS</c>.</summary>
public enum DevicePlatform
{
    Other = 0,

    /// <summary>iOS and iPadOS.</summary>
    IOS,

    Android,

    /// <summary>HarmonyOS 2–4 (Android-compatible, says <c>HarmonyOS</c>) and HarmonyOS NEXT (<c>OpenHarmony</c>).</summary>
    HarmonyOS,

    Windows,

    MacOS,

    Linux,

    ChromeOS,
}
