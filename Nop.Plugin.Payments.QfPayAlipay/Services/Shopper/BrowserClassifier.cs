namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>
/// Tells where the shopper opened the shop (issue #7) from the User-Agent and, where the browser sends
/// them, client hints. Pure and allocation-light (ordinal span searches, no regular expressions), and it
/// never throws: a header is attacker-controlled input.
/// </summary>
public static class BrowserClassifier
{
    /// <summary>
    /// Real UAs stay well under 1 KB even with long in-app suffixes; reading only this much bounds the cost
    /// of a hostile header.
    /// </summary>
    internal const int MaxUserAgentLength = 4096;

    /// <param name="userAgent">The <c>User-Agent</c> header; null or empty is fine.</param>
    /// <param name="clientHints">
    /// Request headers named in <see cref="ClientHintNames.Headers"/>, plus optionally
    /// <see cref="ClientHintNames.MaxTouchPoints"/>; other entries are ignored.
    /// </param>
    public static BrowserClassification Classify(string? userAgent, IReadOnlyDictionary<string, string>? clientHints = null)
    {
        var ua = userAgent is null
            ? ReadOnlySpan<char>.Empty
            : userAgent.AsSpan(0, Math.Min(userAgent.Length, MaxUserAgentLength)).Trim();
        var hints = ClientHints.Read(clientHints);

        if (ua.IsEmpty && !hints.SayAnything)
            return BrowserClassification.Unknown;

        // The Alipay tokens are unambiguous and decide whether 800107 can run, so nothing may pre-empt them.
        var wallet = AlipayAppSignatures.Detect(ua);
        if (wallet == AlipayWallet.None && CrawlerSignatures.Matches(ua))
            return BrowserClassification.Unknown;

        var platform = ResolvePlatform(ua, hints);
        var isMobile = ResolveMobile(ua, platform, hints);

        if (wallet != AlipayWallet.None)
            return new(BrowserKind.AlipayApp, InAppBrowserApp.None, wallet, platform, IsMobile: true);

        // In-app tokens before the generic mobile test: these UAs also say "Mobile Safari".
        var app = InAppBrowserSignatures.Detect(ua);
        if (app == InAppBrowserApp.None && InAppBrowserSignatures.IsGenericWebView(ua, platform, hints.SaysAndroidWebView))
            app = InAppBrowserApp.Other;

        if (app != InAppBrowserApp.None)
        {
            // A desktop app's browser (WeChat for Windows/Mac) can show a QR code as well as any browser.
            // Elsewhere assume a phone: these apps live there, even when the UA names no system.
            return !isMobile && PlatformSignatures.IsDesktopSystem(platform)
                ? new(BrowserKind.Desktop, app, AlipayWallet.None, platform, IsMobile: false)
                : new(BrowserKind.InAppBrowser, app, AlipayWallet.None, platform, IsMobile: true);
        }

        if (isMobile)
            return new(BrowserKind.SystemMobileBrowser, InAppBrowserApp.None, AlipayWallet.None, platform, IsMobile: true);

        if (PlatformSignatures.IsDesktopSystem(platform)
            || PlatformSignatures.HasDesktopWindowSystem(ua)
            || hints.Mobile == false)
            return new(BrowserKind.Desktop, InAppBrowserApp.None, AlipayWallet.None, platform, IsMobile: false);

        return BrowserClassification.Unknown with { Platform = platform };
    }

    private static DevicePlatform ResolvePlatform(ReadOnlySpan<char> ua, ClientHints hints)
    {
        var fromUa = PlatformSignatures.Detect(ua);

        if (hints.Platform is { } hinted)
        {
            // HarmonyOS 2–4 runs Android apps and Chromium reports it as "Android"; the UA is more precise.
            return hinted == DevicePlatform.Android && fromUa == DevicePlatform.HarmonyOS ? fromUa : hinted;
        }

        return fromUa == DevicePlatform.MacOS && PlatformSignatures.IsIPadPosingAsMac(ua, hints.MaxTouchPoints)
            ? DevicePlatform.IOS
            : fromUa;
    }

    private static bool ResolveMobile(ReadOnlySpan<char> ua, DevicePlatform platform, ClientHints hints)
    {
        if (PlatformSignatures.IsMobileSystem(platform))
        {
            // Chrome on an Android tablet, or in "desktop site" mode, sends "?0", yet the Alipay app can be
            // on that device, which is what this flag is for.
            return true;
        }

        if (hints.Mobile is { } hinted)
            return hinted;

        return !PlatformSignatures.IsDesktopSystem(platform) && PlatformSignatures.HasMobileToken(ua);
    }
}
