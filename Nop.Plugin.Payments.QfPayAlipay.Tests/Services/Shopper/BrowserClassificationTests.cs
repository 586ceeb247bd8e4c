using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Shopper;

/// <summary>What a caller reads off a classification to pick the flow and the words.</summary>
public class BrowserClassificationTests
{
    [Test]
    public void An_unknown_browser_is_routed_like_a_system_mobile_browser()
    {
        Assert.That(BrowserClassification.Unknown.EffectiveKind, Is.EqualTo(BrowserKind.SystemMobileBrowser));
    }

    [TestCase(BrowserKind.SystemMobileBrowser)]
    [TestCase(BrowserKind.InAppBrowser)]
    [TestCase(BrowserKind.AlipayApp)]
    [TestCase(BrowserKind.Desktop)]
    public void A_known_kind_is_routed_as_itself(BrowserKind kind)
    {
        Assert.That((BrowserClassification.Unknown with { Kind = kind }).EffectiveKind, Is.EqualTo(kind));
    }

    [Test]
    public void Only_the_Mainland_Alipay_app_can_run_the_service_window_payment()
    {
        var alipay = BrowserClassifier.Classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(AP/10.5.30.6000) AlipayClient/10.5.30.6000");
        var alipayHk = BrowserClassifier.Classify("Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AlipayClientHK/5.4.0.2001");
        var safari = BrowserClassifier.Classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1");

        Assert.Multiple(() =>
        {
            Assert.That(alipay.IsInMainlandAlipayApp, Is.True);
            Assert.That(alipayHk.IsInMainlandAlipayApp, Is.False);
            Assert.That(safari.IsInMainlandAlipayApp, Is.False);
            Assert.That(BrowserClassification.Unknown.IsInMainlandAlipayApp, Is.False);
        });
    }

    [Test]
    public void An_in_app_browser_carries_its_apps_guidance_key_and_menu_knowledge()
    {
        var weChat = BrowserClassifier.Classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN");
        var douyin = BrowserClassifier.Classify("Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 aweme_26.0.0 JsSdk/2.0 BytedanceWebview/d8a21c6");

        Assert.Multiple(() =>
        {
            Assert.That(weChat.GuidanceKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Shopper.OpenInBrowser.WeChat"));
            Assert.That(weChat.CanOpenInBrowserFromMenu, Is.True);
            Assert.That(douyin.GuidanceKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.Shopper.OpenInBrowser.Douyin"));
            Assert.That(douyin.CanOpenInBrowserFromMenu, Is.False);
        });
    }

    [Test]
    public void A_desktop_app_browser_needs_no_guidance()
    {
        var weChatForWindows = BrowserClassifier.Classify("Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)");

        Assert.Multiple(() =>
        {
            Assert.That(weChatForWindows.App, Is.EqualTo(InAppBrowserApp.WeChat));
            Assert.That(weChatForWindows.GuidanceKey, Is.Null);
            Assert.That(weChatForWindows.CanOpenInBrowserFromMenu, Is.False);
        });
    }

    [TestCase(BrowserKind.Unknown)]
    [TestCase(BrowserKind.SystemMobileBrowser)]
    [TestCase(BrowserKind.AlipayApp)]
    [TestCase(BrowserKind.Desktop)]
    public void Outside_an_in_app_browser_there_is_no_guidance_key(BrowserKind kind)
    {
        Assert.That((BrowserClassification.Unknown with { Kind = kind, App = InAppBrowserApp.WeChat }).GuidanceKey, Is.Null);
    }
}
