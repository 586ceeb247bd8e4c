using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Shopper;

/// <summary>The User-Agent and the hints are whatever the client sends: no input may throw or yield a contradictory answer.</summary>
public class BrowserClassifierRobustnessTests
{
    private const int Seed = 20_240_607;

    // Pieces of real UAs and of every token the classifier looks for, so random strings hit its branches.
    private static readonly string[] Fragments =
    [
        "Mozilla/5.0 ", "(iPhone; CPU iPhone OS 17_2 like Mac OS X) ", "(iPad; CPU OS 16_0 like Mac OS X) ",
        "(Macintosh; Intel Mac OS X 10_15_7) ", "(Linux; Android 13; Pixel 7; wv) ", "(Windows NT 10.0; Win64; x64) ",
        "(X11; Linux x86_64) ", "(X11; CrOS x86_64 14541.0.0) ", "(Phone; OpenHarmony 5.0) ", "HarmonyOS; ",
        "AppleWebKit/605.1.15 (KHTML, like Gecko) ", "Version/17.2 ", "Mobile/15E148 ", "Safari/604.1 ",
        "Mobile Safari/537.36 ", "Chrome/120.0.0.0 ", "MicroMessenger/8.0.47 ", "wxwork/4.1.16 ", "Instagram 307.0 ",
        "[FBAN/FBIOS;FBAV/442.0;] ", "[FB_IAB/Orca-Android;] ", "MessengerForiOS ", "WhatsApp/2.23 ", " Line/13.21.0 ",
        "Telegram-Android/10.5 ", "musical_ly_32.5.0 ", "trill_2023 ", "aweme_26.0.0 ", "BytedanceWebview/d8a21c6 ",
        "Snapchat/12.62 ", "TwitterAndroid ", "[LinkedInApp]/9.29 ", "[Pinterest/iOS] ", "Weibo (iPhone__weibo__13.10) ",
        " QQ/9.0.8 ", "MQQBrowser/14.3 ", "AliApp(DingTalk/7.5.0) ", "xhsminiapp discover/8.15 ", "AliApp(AP/10.5.36) ",
        "AlipayClient/10.5.36 ", "AlipayClientHK/5.4.0 ", "Googlebot/2.1 ", "+http://example.invalid ", "KHTML",
        "(", ")", ";", "/", " ", "\"", "\u0000", "\uD800", "\uDC00", "\u202E", "🙂", "微信", "支付宝",
    ];

    private static readonly string[] HintValues =
        ["?1", "?0", "\"Android\"", "\"iOS\"", "\"Windows\"", "\"macOS\"", "\"Chrome OS\"", "\"Unknown\"", "\"", "", " ", "5", "-1", "99999999999", "\"Android WebView\";v=\"1\""];

    private static readonly string[] HintKeys =
        [ClientHintNames.Mobile, ClientHintNames.Platform, ClientHintNames.Brands, ClientHintNames.MaxTouchPoints, "sec-ch-ua-mobile", "X-Other", ""];

    [Test]
    public void Thousands_of_random_user_agents_and_hints_never_throw_and_never_contradict_themselves()
    {
        var random = new Random(Seed);

        for (var i = 0; i < 5000; i++)
        {
            var userAgent = i % 3 == 0 ? RandomCharacters(random) : RandomFragments(random);
            var hints = random.Next(3) == 0 ? null : RandomHints(random);

            BrowserClassification result;
            try
            {
                result = BrowserClassifier.Classify(userAgent, hints);
            }
            catch (Exception exception)
            {
                Assert.Fail($"Case {i} (seed {Seed}) threw {exception.GetType().Name} for UA \"{Escape(userAgent)}\": {exception.Message}");
                return;
            }

            AssertConsistent(result, $"case {i} (seed {Seed}), UA \"{Escape(userAgent)}\"");
        }
    }

    [Test]
    public void A_user_agent_far_beyond_any_real_length_is_read_only_up_to_the_cap()
    {
        var padding = new string('x', BrowserClassifier.MaxUserAgentLength);
        var iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 ";

        var tokenBeyondCap = BrowserClassifier.Classify(iPhone + padding + " MicroMessenger/8.0.47");
        var huge = BrowserClassifier.Classify(new string('A', 1_000_000));

        Assert.Multiple(() =>
        {
            Assert.That(tokenBeyondCap.Kind, Is.EqualTo(BrowserKind.SystemMobileBrowser));
            Assert.That(huge, Is.EqualTo(BrowserClassification.Unknown));
        });
    }

    [Test]
    public void Empty_hint_dictionaries_and_null_hints_behave_alike()
    {
        const string ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

        Assert.That(BrowserClassifier.Classify(ua, new Dictionary<string, string>()), Is.EqualTo(BrowserClassifier.Classify(ua)));
    }

    [Test]
    public void Classifying_allocates_little_more_than_the_result()
    {
        const string ua = "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN";
        var hints = new Dictionary<string, string>
        {
            [ClientHintNames.Mobile] = "?1",
            [ClientHintNames.Platform] = "\"Android\"",
            [ClientHintNames.Brands] = "\"Android WebView\";v=\"116\", \"Chromium\";v=\"116\"",
        };
        for (var i = 0; i < 100; i++)
            BrowserClassifier.Classify(ua, hints);

        const int calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
            BrowserClassifier.Classify(ua, hints);
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;

        // The result record plus the boxed dictionary enumerator; no strings, no regex, no arrays.
        Assert.That(perCall, Is.LessThanOrEqualTo(160), $"{perCall} bytes per call");
    }

    private static void AssertConsistent(BrowserClassification result, string context)
    {
        var inAlipay = result.Kind == BrowserKind.AlipayApp;
        var inApp = result.Kind == BrowserKind.InAppBrowser;

        Assert.That(inAlipay, Is.EqualTo(result.Wallet != AlipayWallet.None), $"wallet only inside Alipay: {context}");
        Assert.That(!inApp || result.App != InAppBrowserApp.None, Is.True, $"an in-app browser names its app: {context}");
        Assert.That(result.App == InAppBrowserApp.None || inApp || result.Kind == BrowserKind.Desktop, Is.True, $"an app only in-app or on a desktop: {context}");
        Assert.That(result.GuidanceKey is not null, Is.EqualTo(inApp), $"guidance only in-app: {context}");
        Assert.That(result.Kind is BrowserKind.Unknown or BrowserKind.Desktop ? !result.IsMobile : result.IsMobile, Is.True, $"IsMobile follows the kind: {context}");
        Assert.That(Enum.IsDefined(result.Kind) && Enum.IsDefined(result.App) && Enum.IsDefined(result.Platform) && Enum.IsDefined(result.Wallet), Is.True, context);
    }

    private static string RandomCharacters(Random random)
    {
        var length = random.Next(0, random.Next(2) == 0 ? 64 : 6000);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append((char)(random.Next(4) == 0 ? random.Next(0, 0x10000) : random.Next(0x20, 0x7F)));
        return builder.ToString();
    }

    private static string RandomFragments(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
            builder.Append(Fragments[random.Next(Fragments.Length)]);
        return builder.ToString();
    }

    private static Dictionary<string, string> RandomHints(Random random)
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
            hints[HintKeys[random.Next(HintKeys.Length)]] = random.Next(5) == 0 ? RandomCharacters(random) : HintValues[random.Next(HintValues.Length)];
        return hints;
    }

    private static string Escape(string value)
    {
        var shown = value.Length > 200 ? value[..200] + "…" : value;
        var builder = new StringBuilder(shown.Length);
        foreach (var c in shown)
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        return builder.ToString();
    }
}
