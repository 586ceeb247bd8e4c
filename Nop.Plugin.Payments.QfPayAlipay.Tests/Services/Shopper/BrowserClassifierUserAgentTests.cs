using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Shopper;

/// <summary>Each User-Agent of a real browser family, with no client hints, classifies as expected.</summary>
public class BrowserClassifierUserAgentTests
{
    // Representative User-Agent strings of each browser and app family, in the shape each one sends
    // (versions and device models vary in the wild; the tokens the classifier relies on do not). Where a
    // fixture is a variant rather than a captured string, its label says so.
    private static IEnumerable<TestCaseData> UserAgents()
    {
        // System mobile browsers: the Alipay app can be opened from here.
        yield return Case("iOS Safari on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
            System(DevicePlatform.IOS));
        yield return Case("iOS Safari on iPad (mobile site requested, or iPadOS 12)",
            "Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1",
            System(DevicePlatform.IOS));
        yield return Case("Chrome on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
            System(DevicePlatform.IOS));
        yield return Case("Firefox on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15",
            System(DevicePlatform.IOS));
        yield return Case("Telegram on iOS (Safari view controller, same UA as Safari and able to open Alipay)",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            System(DevicePlatform.IOS));
        yield return Case("Chrome on Android phone (reduced UA)",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            System(DevicePlatform.Android));
        yield return Case("Chrome on Android tablet (no Mobile token)",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            System(DevicePlatform.Android));
        yield return Case("Samsung Internet",
            "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
            System(DevicePlatform.Android));
        yield return Case("Firefox on Android",
            "Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0",
            System(DevicePlatform.Android));
        yield return Case("Edge on Android",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 EdgA/120.0.2210.115",
            System(DevicePlatform.Android));
        yield return Case("Huawei Browser on HarmonyOS 4",
            "Mozilla/5.0 (Linux; Android 10; HarmonyOS; ELS-AN00; HMSCore 6.12.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36",
            System(DevicePlatform.HarmonyOS));
        yield return Case("Huawei Browser on HarmonyOS NEXT",
            "Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300",
            System(DevicePlatform.HarmonyOS));
        yield return Case("MIUI Browser",
            "Mozilla/5.0 (Linux; U; Android 13; zh-cn; 2211133C Build/TKQ1.220905.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.118 Mobile Safari/537.36 XiaoMi/MiuiBrowser/17.7.160710",
            System(DevicePlatform.Android));
        yield return Case("UC Browser",
            "Mozilla/5.0 (Linux; U; Android 13; en-US; SM-A515F Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/13.4.0.1306 Mobile Safari/537.36",
            System(DevicePlatform.Android));
        yield return Case("QQ Browser on Android (standalone browser, not the QQ app)",
            "Mozilla/5.0 (Linux; U; Android 13; zh-cn; 22081212C Build/TKQ1.220829.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.3 Mobile Safari/537.36 COVC/046701",
            System(DevicePlatform.Android));
        yield return Case("QQ Browser on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 MQQBrowser/14.4.5 Mobile/15E148 Safari/604.1 QBWebViewUA/2 QBWebViewType/1 WKType/1",
            System(DevicePlatform.IOS));
        yield return Case("Android phone whose model name contains 'bot' (not a crawler)",
            "Mozilla/5.0 (Linux; Android 10; Cubot P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            System(DevicePlatform.Android));

        // In-app browsers.
        yield return Case("WeChat on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
            InApp(InAppBrowserApp.WeChat, DevicePlatform.IOS));
        yield return Case("WeChat on Android",
            "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
            InApp(InAppBrowserApp.WeChat, DevicePlatform.Android));
        yield return Case("WeCom on iPhone (also says MicroMessenger)",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.16 MicroMessenger/7.0.1 Language/zh ColorScheme/Light",
            InApp(InAppBrowserApp.WeCom, DevicePlatform.IOS));
        yield return Case("Facebook on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/442.0.0.33.113;FBBV/540283418;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.1.2;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/542042929]",
            InApp(InAppBrowserApp.Facebook, DevicePlatform.IOS));
        yield return Case("Facebook on Android",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/446.0.0.43.115;]",
            InApp(InAppBrowserApp.Facebook, DevicePlatform.Android));
        yield return Case("Messenger on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/443.0.0.38.111;FBBV/541244617;FBDV/iPhone13,2;FBMD/iPhone;FBSN/iOS;FBSV/17.1;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/0]",
            InApp(InAppBrowserApp.Facebook, DevicePlatform.IOS));
        yield return Case("Messenger on Android",
            "Mozilla/5.0 (Linux; Android 12; moto g(60) Build/S2RIS32.32-20-7-13; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.43 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/441.0.0.26.109;]",
            InApp(InAppBrowserApp.Facebook, DevicePlatform.Android));
        yield return Case("Instagram on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.19.118 (iPhone15,3; iOS 17_1_1; en_US; en; scale=3.00; 1290x2796; 531297493)",
            InApp(InAppBrowserApp.Instagram, DevicePlatform.IOS));
        yield return Case("Instagram on Android",
            "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 Instagram 309.1.0.41.113 Android (33/13; 450dpi; 1080x2177; samsung; SM-A536B; a53x; s5e8825; en_GB; 541635863)",
            InApp(InAppBrowserApp.Instagram, DevicePlatform.Android));
        yield return Case("WhatsApp's own UA (names no system)",
            "WhatsApp/2.23.20.0 A",
            InApp(InAppBrowserApp.WhatsApp, DevicePlatform.Other));
        yield return Case("LINE on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.21.0",
            InApp(InAppBrowserApp.Line, DevicePlatform.IOS));
        yield return Case("LINE on Android",
            "Mozilla/5.0 (Linux; Android 13; SO-51C Build/64.1.C.0.118; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 Line/13.20.2/IAB",
            InApp(InAppBrowserApp.Line, DevicePlatform.Android));
        yield return Case("Telegram on Android",
            "Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 Telegram-Android/10.5.0 (Samsung SM-G991B; Android 12; SDK 31; AVERAGE)",
            InApp(InAppBrowserApp.Telegram, DevicePlatform.Android));
        yield return Case("TikTok on Android",
            "Mozilla/5.0 (Linux; Android 12; SM-A125F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 Mobile Safari/537.36 trill_2023105030 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/31.5.3 ByteLocale/en ByteFullLocale/en Region/US AppId/1180 Spark/1.4.6.3-bugfix AppVersion/31.5.3 BytedanceWebview/d8a21c6",
            InApp(InAppBrowserApp.TikTok, DevicePlatform.Android));
        yield return Case("TikTok on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_32.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US isDarkMode/0 WKWebView/1 RevealType/Dialog BytedanceWebview/d8a21c6",
            InApp(InAppBrowserApp.TikTok, DevicePlatform.IOS));
        yield return Case("Douyin on iPhone (same ByteDance web view as TikTok)",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 aweme_26.0.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/zh Region/CN AppTheme/light RevealType/Dialog WKWebView/1 BytedanceWebview/d8a21c6",
            InApp(InAppBrowserApp.Douyin, DevicePlatform.IOS));
        yield return Case("Douyin on Android",
            "Mozilla/5.0 (Linux; Android 12; PFUM10 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/91.0.4472.114 Mobile Safari/537.36 aweme_260001 JsSdk/1.0 NetType/WIFI Channel/oppo_1128_64 AppName/aweme app_version/26.0.0 ByteLocale/zh-CN Region/CN AppSkin/white AppTheme/light BytedanceWebview/d8a21c6 WebView/075113004008",
            InApp(InAppBrowserApp.Douyin, DevicePlatform.Android));
        yield return Case("Weibo on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,2__weibo__13.10.1__iphone__os17.0)",
            InApp(InAppBrowserApp.Weibo, DevicePlatform.IOS));
        yield return Case("Xiaohongshu on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 xhsminiapp discover/8.15 (iPhone; iOS 17.1.2; Scale/3.00) Resolution/1170*2532 Version/8.15 Build/8150567 Device/(Apple Inc.;iPhone14,5) NetType/WiFi",
            InApp(InAppBrowserApp.Xiaohongshu, DevicePlatform.IOS));
        yield return Case("Snapchat on iPhone (says 'like Safari/')",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/12.62.0.36 (like Safari/8616.2.9.10.8, panda)",
            InApp(InAppBrowserApp.Snapchat, DevicePlatform.IOS));
        yield return Case("X (Twitter) on Android",
            "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/117.0.0.0 Mobile Safari/537.36 TwitterAndroid",
            InApp(InAppBrowserApp.Twitter, DevicePlatform.Android));
        yield return Case("LinkedIn on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.6921",
            InApp(InAppBrowserApp.LinkedIn, DevicePlatform.IOS));
        yield return Case("Pinterest on Android",
            "Mozilla/5.0 (Linux; Android 13; SM-G781B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [Pinterest/Android]",
            InApp(InAppBrowserApp.Pinterest, DevicePlatform.Android));
        yield return Case("QQ app on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/9.0.8.604 V1_IPH_SQ_9.0.8_1_APP_A Pixel/1170 MiniAppEnable SimpleUISwitch/0 StudyMode/0 CurrentMode/0 CurrentFontScale/1.000000 QQTheme/1000 AppId/537194351 Core/WKWebView Device/Apple(iPhone 13) NetType/WIFI QBWebViewType/1 WKType/1",
            InApp(InAppBrowserApp.QQ, DevicePlatform.IOS));
        yield return Case("QQ app on Android (its web view also says MQQBrowser)",
            "Mozilla/5.0 (Linux; Android 13; 22081212C Build/TKQ1.220829.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/6.2 TBS/047205 Mobile Safari/537.36 V1_AND_SQ_8.9.83_4680_YYB_D A_8098300 QQ/8.9.83.12605 NetType/WIFI WebP/0.3.0 AppId/537177590 Pixel/1080 StatusBarHeight/110 SimpleUISwitch/0 QQTheme/1000 StudyMode/0 CurrentMode/0 CurrentFontScale/1.0",
            InApp(InAppBrowserApp.QQ, DevicePlatform.Android));
        yield return Case("DingTalk on Android (AliApp form, but not Alipay)",
            "Mozilla/5.0 (Linux; U; Android 13; zh-CN; V2227A Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 AliApp(DingTalk/7.0.40) com.alibaba.android.rimet/32245451 Channel/227200 language/zh-CN abi/64 UT4Aplus/0.2.25 colorScheme/light",
            InApp(InAppBrowserApp.DingTalk, DevicePlatform.Android));
        yield return Case("DingTalk on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.5.0) com.laiwang.DingTalk/30000000 Channel/201200 language/zh-Hans-CN UT4Aplus/0.0.6 WK",
            InApp(InAppBrowserApp.DingTalk, DevicePlatform.IOS));
        yield return Case("Android WebView of an unlisted app",
            "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36",
            InApp(InAppBrowserApp.Other, DevicePlatform.Android));
        yield return Case("iOS WKWebView of an unlisted app (no Safari/ token)",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            InApp(InAppBrowserApp.Other, DevicePlatform.IOS));
        yield return Case("iPad app web view in desktop mode (Macintosh, but kept Mobile/)",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            InApp(InAppBrowserApp.Other, DevicePlatform.IOS));

        // Inside the Alipay apps.
        yield return Case("Alipay on Android",
            "Mozilla/5.0 (Linux; U; Android 13; zh-CN; V2241A Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.65 UCBS/3.22.2.65_230817105617 Mobile Safari/537.36 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:360|0|3.0) AliApp(AP/10.5.36.8100) AlipayClient/10.5.36.8100 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CNAriver/1.0.0 ChannelId(1) DTN/2.0",
            InAlipay(AlipayWallet.Alipay, DevicePlatform.Android));
        yield return Case("Alipay on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.5.30.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClient/10.5.30.6000 Language/zh-Hans Region/CN NebulaX/1.0.0 DTN/2.0",
            InAlipay(AlipayWallet.Alipay, DevicePlatform.IOS));
        yield return Case("Alipay container token only (variant: AliApp(AP/ without AlipayClient)",
            "Mozilla/5.0 (Linux; U; Android 10; zh-CN; V1938T Build/QP1A.190711.020) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.0.36 Mobile Safari/537.36 NebulaSDK/1.8.100112 Nebula AliApp(AP/10.2.13.9020)",
            InAlipay(AlipayWallet.Alipay, DevicePlatform.Android));
        yield return Case("AlipayHK on iPhone",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Nebula PSDType(1) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClientHK/5.4.0.2001 Language/zh-Hant Region/HK",
            InAlipay(AlipayWallet.AlipayHK, DevicePlatform.IOS));
        yield return Case("AlipayHK on Android (web view with the AliApp container token)",
            "Mozilla/5.0 (Linux; Android 13; SM-S9110 Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:360|0|3.0) AliApp(AP/5.5.0.3001) AlipayClientHK/5.5.0.3001 Language/zh-Hant Region/HK",
            InAlipay(AlipayWallet.AlipayHK, DevicePlatform.Android));

        // Desktops.
        yield return Case("Chrome on Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            Desktop(DevicePlatform.Windows));
        yield return Case("Edge on Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
            Desktop(DevicePlatform.Windows));
        yield return Case("Firefox on Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
            Desktop(DevicePlatform.Windows));
        yield return Case("Safari on macOS (also iPadOS 13+ Safari: the documented limitation)",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
            Desktop(DevicePlatform.MacOS));
        yield return Case("Chrome on macOS",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            Desktop(DevicePlatform.MacOS));
        yield return Case("Firefox on macOS",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0",
            Desktop(DevicePlatform.MacOS));
        yield return Case("Chrome on Linux",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            Desktop(DevicePlatform.Linux));
        yield return Case("Firefox on Ubuntu",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
            Desktop(DevicePlatform.Linux));
        yield return Case("Firefox on FreeBSD (X11, not Linux)",
            "Mozilla/5.0 (X11; FreeBSD amd64; rv:121.0) Gecko/20100101 Firefox/121.0",
            Desktop(DevicePlatform.Other));
        yield return Case("Chrome on ChromeOS",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            Desktop(DevicePlatform.ChromeOS));
        yield return Case("WeChat for Windows (a desktop app's browser can show a QR code)",
            "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/8519 Flue",
            Desktop(DevicePlatform.Windows, InAppBrowserApp.WeChat));
        yield return Case("WeChat for Mac",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) MicroMessenger/6.8.0(0x16080000) MacWechat/3.8.6(0x13080610) XWEB/1156 Flue",
            Desktop(DevicePlatform.MacOS, InAppBrowserApp.WeChat));

        // Nothing a shopper's browser would send.
        yield return Case("empty", "", BrowserClassification.Unknown);
        yield return Case("whitespace", "   \t ", BrowserClassification.Unknown);
        yield return Case("curl", "curl/8.4.0", BrowserClassification.Unknown);
        yield return Case("bare Mozilla/5.0", "Mozilla/5.0", BrowserClassification.Unknown);
        yield return Case("Googlebot smartphone (pretends to be Android)",
            "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            BrowserClassification.Unknown);
        yield return Case("Facebook link preview fetcher",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            BrowserClassification.Unknown);
        yield return Case("Telegram link preview fetcher",
            "TelegramBot (like TwitterBot)",
            BrowserClassification.Unknown);
        yield return Case("garbage with control characters", "\u0000\uFFFF(((;;;wv\u202E", BrowserClassification.Unknown);
    }

    [TestCaseSource(nameof(UserAgents))]
    public void A_real_user_agent_is_classified_as_its_family(string userAgent, BrowserClassification expected)
    {
        Assert.That(BrowserClassifier.Classify(userAgent), Is.EqualTo(expected));
    }

    [Test]
    public void The_table_covers_at_least_35_user_agents_and_every_kind_and_app()
    {
        var expectations = UserAgents().Select(c => (BrowserClassification)c.Arguments[1]!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(expectations, Has.Count.GreaterThanOrEqualTo(35));
            Assert.That(expectations.Select(e => e.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<BrowserKind>()));
            Assert.That(expectations.Select(e => e.App).Distinct(), Is.EquivalentTo(Enum.GetValues<InAppBrowserApp>()));
            Assert.That(expectations.Select(e => e.Wallet).Distinct(), Is.EquivalentTo(Enum.GetValues<AlipayWallet>()));
            Assert.That(expectations.Select(e => e.Platform).Distinct(), Is.EquivalentTo(Enum.GetValues<DevicePlatform>()));
        });
    }

    [Test]
    public void A_null_user_agent_is_unknown()
    {
        Assert.That(BrowserClassifier.Classify(null), Is.EqualTo(BrowserClassification.Unknown));
    }

    private static TestCaseData Case(string label, string userAgent, BrowserClassification expected) =>
        new TestCaseData(userAgent, expected).SetArgDisplayNames(label);

    private static BrowserClassification System(DevicePlatform platform) =>
        new(BrowserKind.SystemMobileBrowser, InAppBrowserApp.None, AlipayWallet.None, platform, IsMobile: true);

    private static BrowserClassification InApp(InAppBrowserApp app, DevicePlatform platform) =>
        new(BrowserKind.InAppBrowser, app, AlipayWallet.None, platform, IsMobile: true);

    private static BrowserClassification InAlipay(AlipayWallet wallet, DevicePlatform platform) =>
        new(BrowserKind.AlipayApp, InAppBrowserApp.None, wallet, platform, IsMobile: true);

    private static BrowserClassification Desktop(DevicePlatform platform, InAppBrowserApp app = InAppBrowserApp.None) =>
        new(BrowserKind.Desktop, app, AlipayWallet.None, platform, IsMobile: false);
}
