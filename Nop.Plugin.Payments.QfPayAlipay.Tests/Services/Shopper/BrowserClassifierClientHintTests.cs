using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Shopper;

/// <summary>Client hints, where Chromium sends them, override what the User-Agent suggests about mobile and platform.</summary>
public class BrowserClassifierClientHintTests
{
    private const string ChromeLinuxDesktop =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private const string ChromeAndroidPhone =
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

    private const string ChromeAndroidTablet =
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private const string SafariMac =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15";

    private const string HuaweiBrowserHarmonyOs =
        "Mozilla/5.0 (Linux; Android 10; HarmonyOS; ELS-AN00; HMSCore 6.12.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36";

    private const string FacebookAndroid =
        "Mozilla/5.0 (Linux; Android 14; SM-X710 Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Safari/537.36 [FB_IAB/FB4A;FBAV/446.0.0.43.115;]";

    private const string AlipayAndroid =
        "Mozilla/5.0 (Linux; U; Android 13; zh-CN; V2241A Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 Mobile Safari/537.36 AliApp(AP/10.5.36.8100) AlipayClient/10.5.36.8100";

    [Test]
    public void Chrome_for_Android_in_desktop_site_mode_is_still_a_mobile_browser_on_Android()
    {
        var result = BrowserClassifier.Classify(ChromeLinuxDesktop, Hints(mobile: "?0", platform: "\"Android\""));

        Assert.That(result, Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.Android, isMobile: true)));
    }

    [Test]
    public void An_Android_tablet_saying_not_mobile_is_still_a_device_that_can_hold_the_Alipay_app()
    {
        var result = BrowserClassifier.Classify(ChromeAndroidTablet, Hints(mobile: "?0", platform: "\"Android\""));

        Assert.That(result, Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.Android, isMobile: true)));
    }

    [Test]
    public void A_mobile_hint_turns_a_desktop_looking_user_agent_mobile()
    {
        var result = BrowserClassifier.Classify(ChromeLinuxDesktop, Hints(mobile: "?1"));

        Assert.That(result, Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.Linux, isMobile: true)));
    }

    [Test]
    public void Desktop_hints_override_a_phone_user_agent()
    {
        // What an emulated phone in a desktop browser's developer tools can send.
        var result = BrowserClassifier.Classify(ChromeAndroidPhone, Hints(mobile: "?0", platform: "\"Windows\""));

        Assert.That(result, Is.EqualTo(Expected(BrowserKind.Desktop, DevicePlatform.Windows, isMobile: false)));
    }

    [TestCase("\"Chrome OS\"", DevicePlatform.ChromeOS)]
    [TestCase("\"Chromium OS\"", DevicePlatform.ChromeOS)]
    [TestCase("\"macOS\"", DevicePlatform.MacOS)]
    [TestCase("\"Windows\"", DevicePlatform.Windows)]
    [TestCase("\"Linux\"", DevicePlatform.Linux)]
    [TestCase("\"Fuchsia\"", DevicePlatform.Other)]
    [TestCase("Windows", DevicePlatform.Windows)]
    [TestCase("  \"windows\"  ", DevicePlatform.Windows)]
    public void The_platform_hint_names_the_desktop_platform(string platformHint, DevicePlatform expected)
    {
        var result = BrowserClassifier.Classify(ChromeLinuxDesktop, Hints(mobile: "?0", platform: platformHint));

        Assert.That(result, Is.EqualTo(Expected(BrowserKind.Desktop, expected, isMobile: false)));
    }

    [Test]
    public void HarmonyOS_stays_HarmonyOS_when_Chromium_reports_it_as_Android()
    {
        var result = BrowserClassifier.Classify(HuaweiBrowserHarmonyOs, Hints(mobile: "?1", platform: "\"Android\""));

        Assert.That(result, Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.HarmonyOS, isMobile: true)));
    }

    [Test]
    public void Hints_alone_classify_a_request_without_user_agent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BrowserClassifier.Classify(null, Hints(mobile: "?1", platform: "\"Android\"")),
                Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.Android, isMobile: true)));
            Assert.That(BrowserClassifier.Classify("", Hints(mobile: "?0", platform: "\"Windows\"")),
                Is.EqualTo(Expected(BrowserKind.Desktop, DevicePlatform.Windows, isMobile: false)));
        });
    }

    [Test]
    public void The_Android_WebView_brand_marks_a_web_view_the_user_agent_does_not_admit_to()
    {
        var hints = Hints(mobile: "?1", platform: "\"Android\"",
            brands: "\"Android WebView\";v=\"120\", \"Chromium\";v=\"120\", \"Not?A_Brand\";v=\"24\"");

        var result = BrowserClassifier.Classify(ChromeAndroidPhone, hints);

        Assert.That(result, Is.EqualTo(new BrowserClassification(
            BrowserKind.InAppBrowser, InAppBrowserApp.Other, AlipayWallet.None, DevicePlatform.Android, IsMobile: true)));
    }

    [Test]
    public void A_Chrome_brand_list_does_not_make_a_web_view()
    {
        var hints = Hints(mobile: "?1", platform: "\"Android\"",
            brands: "\"Google Chrome\";v=\"120\", \"Chromium\";v=\"120\", \"Not?A_Brand\";v=\"24\"");

        Assert.That(BrowserClassifier.Classify(ChromeAndroidPhone, hints).Kind, Is.EqualTo(BrowserKind.SystemMobileBrowser));
    }

    [Test]
    public void An_app_browser_on_a_tablet_stays_an_app_browser_when_hints_say_not_mobile()
    {
        var result = BrowserClassifier.Classify(FacebookAndroid, Hints(mobile: "?0", platform: "\"Android\""));

        Assert.That(result, Is.EqualTo(new BrowserClassification(
            BrowserKind.InAppBrowser, InAppBrowserApp.Facebook, AlipayWallet.None, DevicePlatform.Android, IsMobile: true)));
    }

    [Test]
    public void The_Alipay_app_is_the_Alipay_app_whatever_the_hints_say()
    {
        var result = BrowserClassifier.Classify(AlipayAndroid, Hints(mobile: "?0", platform: "\"Windows\""));

        Assert.Multiple(() =>
        {
            Assert.That(result.Kind, Is.EqualTo(BrowserKind.AlipayApp));
            Assert.That(result.Wallet, Is.EqualTo(AlipayWallet.Alipay));
        });
    }

    [Test]
    public void Header_names_match_whatever_their_case()
    {
        // HTTP/2 sends header names in lower case, and the caller's dictionary may compare ordinally.
        var hints = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sec-ch-ua-mobile"] = "?1",
            ["sec-ch-ua-platform"] = "\"Android\"",
        };

        Assert.That(BrowserClassifier.Classify(ChromeLinuxDesktop, hints),
            Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.Android, isMobile: true)));
    }

    [TestCase("?2")]
    [TestCase("1")]
    [TestCase("true")]
    [TestCase("")]
    public void An_unreadable_mobile_hint_is_ignored(string value)
    {
        Assert.That(BrowserClassifier.Classify(ChromeLinuxDesktop, Hints(mobile: value)),
            Is.EqualTo(Expected(BrowserKind.Desktop, DevicePlatform.Linux, isMobile: false)));
    }

    [TestCase("\"Unknown\"")]
    [TestCase("\"\"")]
    [TestCase("   ")]
    public void An_empty_or_unknown_platform_hint_leaves_the_user_agent_platform(string value)
    {
        Assert.That(BrowserClassifier.Classify(ChromeLinuxDesktop, Hints(platform: value)).Platform, Is.EqualTo(DevicePlatform.Linux));
    }

    [Test]
    public void Hints_that_say_nothing_leave_an_empty_user_agent_unknown()
    {
        var hints = new Dictionary<string, string> { ["Accept-Language"] = "en", ["Sec-CH-UA"] = "\"Chromium\";v=\"120\"" };

        Assert.That(BrowserClassifier.Classify(null, hints), Is.EqualTo(BrowserClassification.Unknown));
    }

    [Test]
    public void An_iPad_posing_as_a_Mac_is_an_iPad_when_the_page_reports_touch_points()
    {
        var hints = new Dictionary<string, string> { [ClientHintNames.MaxTouchPoints] = "5" };

        Assert.That(BrowserClassifier.Classify(SafariMac, hints),
            Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.IOS, isMobile: true)));
    }

    [TestCase("0")]
    [TestCase("1")]
    [TestCase("many")]
    [TestCase("-5")]
    public void A_Mac_without_touch_points_stays_a_desktop(string touchPoints)
    {
        var hints = new Dictionary<string, string> { [ClientHintNames.MaxTouchPoints] = touchPoints };

        Assert.That(BrowserClassifier.Classify(SafariMac, hints),
            Is.EqualTo(Expected(BrowserKind.Desktop, DevicePlatform.MacOS, isMobile: false)));
    }

    [Test]
    public void An_explicit_macOS_platform_hint_wins_over_touch_points()
    {
        var hints = new Dictionary<string, string>
        {
            [ClientHintNames.Platform] = "\"macOS\"",
            [ClientHintNames.Mobile] = "?0",
            [ClientHintNames.MaxTouchPoints] = "5",
        };

        Assert.That(BrowserClassifier.Classify(SafariMac, hints).Kind, Is.EqualTo(BrowserKind.Desktop));
    }

    [Test]
    public void Null_keys_and_values_in_the_hints_are_skipped()
    {
        var hints = new NullTolerantHints(
        [
            new(ClientHintNames.Mobile, null!),
            new(null!, "?1"),
            new(ClientHintNames.Platform, "\"Android\""),
        ]);

        Assert.That(BrowserClassifier.Classify(ChromeLinuxDesktop, hints),
            Is.EqualTo(Expected(BrowserKind.SystemMobileBrowser, DevicePlatform.Android, isMobile: true)));
    }

    [Test]
    public void The_headers_to_copy_are_the_three_low_entropy_hints()
    {
        Assert.That(ClientHintNames.Headers, Is.EquivalentTo(new[] { "Sec-CH-UA", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform" }));
    }

    private static Dictionary<string, string> Hints(string? mobile = null, string? platform = null, string? brands = null)
    {
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (mobile is not null)
            hints[ClientHintNames.Mobile] = mobile;
        if (platform is not null)
            hints[ClientHintNames.Platform] = platform;
        if (brands is not null)
            hints[ClientHintNames.Brands] = brands;
        return hints;
    }

    private static BrowserClassification Expected(BrowserKind kind, DevicePlatform platform, bool isMobile) =>
        new(kind, InAppBrowserApp.None, AlipayWallet.None, platform, isMobile);

    /// <summary>A dictionary as a careless caller might build it: null keys and values that Dictionary itself refuses.</summary>
    private sealed class NullTolerantHints(KeyValuePair<string, string>[] entries) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => throw new KeyNotFoundException();
        public IEnumerable<string> Keys => entries.Select(e => e.Key);
        public IEnumerable<string> Values => entries.Select(e => e.Value);
        public int Count => entries.Length;
        public bool ContainsKey(string key) => false;
        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) { value = null; return false; }
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)entries).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
