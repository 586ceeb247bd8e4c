using System.Net;
using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;
using QfPaySimulator;
using QfPaySimulator.Alipay;
using QfPaySimulator.Hosting;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>The simulator's fake Alipay itself: the authorisation page's checks, tradePay's outcomes, keys and start-up.</summary>
public class FakeAlipaySimulatorTests
{
    private static HttpClient Browser() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    private static async Task<(string Syssn, string TradeNo)> CreateServiceWindowPaymentAsync(QfPaySimulatorHost host, Uri notifyUrl, string openid = "2088000000000001")
    {
        var payment = (await SimulatorScenario.NewClient().CreatePaymentAsync(SimulatorScenario.AccountFor(host), new PaymentRequest
        {
            OutTradeNo = OutTradeNumber.ForPayment("10030", 1),
            AmountInMinorUnits = 500,
            Currency = "HKD",
            PayType = QfPayPayType.AlipayServiceWindowH5,
            NotifyUrl = notifyUrl.ToString(),
            OpenId = openid,
        })).EnsureSuccess();
        return (payment.Syssn!, payment.TradeNo!);
    }

    private static async Task<string?> ResultCodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("resultCode").GetString();

    [TestCase("scope=auth_user", "Scope not simulated")]
    [TestCase("app_id=2021000000009999", "Unknown app")]
    [TestCase("redirect_uri=callback", "Bad redirect_uri")]
    [TestCase("state=not-base64_", "Bad state")]
    public async Task The_authorisation_page_shows_an_error_instead_of_going_back_for_a_bad_request(string change, string title)
    {
        await using var host = await QfPaySimulatorHost.StartAsync();
        using var browser = Browser();
        var parameters = new Dictionary<string, string>
        {
            ["app_id"] = host.AlipayApp.AppId,
            ["scope"] = "auth_base",
            ["redirect_uri"] = "https://shop.example.com/cb",
            ["state"] = "abc",
        };
        var (name, value) = (change.Split('=')[0], change.Split('=')[1]);
        parameters[name] = value;

        using var response = await browser.GetAsync(host.AlipayAuthorizeUrl + "?" + string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(title));
        });
    }

    [Test]
    public async Task An_auth_code_expires_on_the_simulators_clock()
    {
        var clock = new SettableClock(SettableClock.HongKong(2025, 3, 18, 14));
        await using var host = await QfPaySimulatorHost.StartAsync(new SimulatorOptions { TimeProvider = clock });
        using var browser = Browser();
        using var redirect = await browser.GetAsync($"{host.AlipayAuthorizeUrl}?app_id={host.AlipayApp.AppId}&scope=auth_base&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcb");
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["auth_code"].ToString();
        var app = new Nop.Plugin.Payments.QfPayAlipay.Alipay.AlipayOpenApp(host.AlipayApp.AppId, host.AlipayApp.AppPrivateKey!, host.AlipayApp.AlipayPublicKey)
        {
            GatewayUrl = host.AlipayGatewayUrl,
        };

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var result = await new Nop.Plugin.Payments.QfPayAlipay.Alipay.AlipayOAuthClient(new HttpClient(new SocketsHttpHandler { UseProxy = false }))
            .ExchangeAuthCodeAsync(app, code);

        Assert.That(result.SubCode, Is.EqualTo("isv.code-invalid"));
    }

    [Test]
    public async Task Tradepay_pays_an_800107_trade_once_and_notifies_once()
    {
        await using var rig = await SimulatorRig.StartAsync();
        var (syssn, tradeNo) = await CreateServiceWindowPaymentAsync(rig.Host, rig.Receiver.NotifyUrl);

        using var first = await rig.Host.TradePayAsync(tradeNo);
        using var second = await rig.Host.TradePayAsync(tradeNo);
        await rig.Host.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(async () =>
        {
            Assert.That(await ResultCodeOf(first), Is.EqualTo("9000"));
            Assert.That(await ResultCodeOf(second), Is.EqualTo("9000"));
            Assert.That(rig.Receiver.Notifications, Has.Count.EqualTo(1));
            Assert.That(rig.Host.Deliveries.Single().Syssn, Is.EqualTo(syssn));
        });
    }

    [TestCase("6001")]
    [TestCase("6002")]
    [TestCase("4000")]
    public async Task A_tradepay_that_reports_no_payment_leaves_the_trade_unpaid(string resultCode)
    {
        await using var rig = await SimulatorRig.StartAsync();
        var (syssn, tradeNo) = await CreateServiceWindowPaymentAsync(rig.Host, rig.Receiver.NotifyUrl);

        using var answer = await rig.Host.TradePayAsync(tradeNo, resultCode);
        var record = (await SimulatorScenario.NewClient().QueryAsync(SimulatorScenario.AccountFor(rig.Host), QueryRequest.BySyssn(syssn)))
            .EnsureSuccess().FindBySyssn(syssn);

        Assert.Multiple(async () =>
        {
            Assert.That(await ResultCodeOf(answer), Is.EqualTo(resultCode));
            Assert.That(record?.Status, Is.EqualTo(TransactionStatus.Pending));
            Assert.That(rig.Host.Deliveries, Is.Empty);
        });
    }

    [Test]
    public async Task A_tradepay_that_says_unknown_can_still_have_paid_which_is_why_it_is_only_a_hint()
    {
        await using var rig = await SimulatorRig.StartAsync();
        var (_, tradeNo) = await CreateServiceWindowPaymentAsync(rig.Host, rig.Receiver.NotifyUrl);

        using var answer = await rig.Host.TradePayAsync(tradeNo, "6004");
        await rig.Host.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(async () =>
        {
            Assert.That(await ResultCodeOf(answer), Is.EqualTo("6004"));
            Assert.That(rig.Receiver.Notifications, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Another_alipay_user_cannot_pay_the_trade()
    {
        await using var rig = await SimulatorRig.StartAsync();
        var (_, tradeNo) = await CreateServiceWindowPaymentAsync(rig.Host, rig.Receiver.NotifyUrl, openid: "2088000000000001");

        using var answer = await rig.Host.TradePayAsync(tradeNo, userId: "2088000000000002");

        Assert.Multiple(async () =>
        {
            Assert.That(await ResultCodeOf(answer), Is.EqualTo("4000"));
            Assert.That(rig.Host.Deliveries, Is.Empty);
        });
    }

    [Test]
    public async Task An_unknown_trade_number_is_not_found()
    {
        await using var host = await QfPaySimulatorHost.StartAsync();

        using var answer = await host.TradePayAsync("2025031822001400009999999999");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Given_only_the_apps_public_key_the_simulator_checks_with_it_and_knows_no_private_key()
    {
        var options = new SimulatorOptions();
        options.Alipay.AppPublicKey = AlipayTestKeys.AppPublicKey;
        options.Alipay.AlipayPrivateKey = AlipayTestKeys.AlipayPrivateKey;

        await using var host = await QfPaySimulatorHost.StartAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(host.AlipayApp.AppPrivateKey, Is.Null);
            Assert.That(host.AlipayApp.AppPublicKey, Is.EqualTo(AlipayTestKeys.AppPublicKey));
            Assert.That(host.AlipayApp.AlipayPublicKey, Is.EqualTo(AlipayTestKeys.AlipayPublicKey));
        });
    }

    [Test]
    public void A_bad_configured_key_stops_the_start_with_a_message_that_names_the_option_not_the_key()
    {
        var options = new SimulatorOptions();
        options.Alipay.AppPrivateKey = AlipayTestKeys.AppPublicKey;

        Assert.That(async () => await QfPaySimulatorHost.StartAsync(options),
            Throws.ArgumentException.With.Message.Contains("Alipay.AppPrivateKey").And.Message.Not.Contains(AlipayTestKeys.AppPublicKey[..30]));
    }

    [Test]
    public void The_simulated_app_never_prints_its_private_key()
    {
        var app = new SimulatedAlipayApp("2021", AlipayTestKeys.AppPrivateKey, AlipayTestKeys.AppPublicKey, AlipayTestKeys.AlipayPublicKey);

        Assert.That(app.ToString(), Does.Not.Contain(AlipayTestKeys.AppPrivateKey[..40]).And.Contain("[redacted]"));
    }

    [Test]
    public void The_standalone_banner_lists_the_alipay_app_and_its_test_keys()
    {
        var app = new SimulatedAlipayApp("2021000000000001", AlipayTestKeys.AppPrivateKey, AlipayTestKeys.AppPublicKey, AlipayTestKeys.AlipayPublicKey);
        using var output = new StringWriter();

        StartupBanner.Write(output, ["http://127.0.0.1:5080"], new SimulatorOptions(), app);

        var text = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("TEST KEYS").And.Contain("2021000000000001"));
            Assert.That(text, Does.Contain("http://127.0.0.1:5080/alipay/gateway.do").And.Contain("http://127.0.0.1:5080/alipay/oauth2/publicAppAuthorize.htm"));
            Assert.That(text, Does.Contain(AlipayTestKeys.AppPrivateKey).And.Contain(AlipayTestKeys.AlipayPublicKey));
            Assert.That(text.TrimEnd(), Does.EndWith("Press Ctrl+C to stop."));
        });
    }

    [Test]
    public void The_command_line_sets_the_alipay_app_id_deny_switch_and_a_key_file_that_survives_runs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"qfpay-sim-alipay-{Guid.NewGuid():N}.json");
        try
        {
            var first = new SimulatorOptions();
            CommandLineSettings.Apply(["--alipay-keys", path, "--alipay-app-id", "2021000000000777", "--alipay-deny", "true"], first);
            var second = new SimulatorOptions();
            CommandLineSettings.Apply([$"--alipay-keys={path}"], second);

            Assert.Multiple(() =>
            {
                Assert.That(first.Alipay.AppId, Is.EqualTo("2021000000000777"));
                Assert.That(first.Alipay.DenyAuthorization, Is.True);
                Assert.That(File.Exists(path), Is.True);
                Assert.That(second.Alipay.AppPrivateKey, Is.EqualTo(first.Alipay.AppPrivateKey).And.Not.Null);
                Assert.That(second.Alipay.AlipayPrivateKey, Is.EqualTo(first.Alipay.AlipayPrivateKey).And.Not.Null);
                Assert.That(second.Alipay.AppId, Is.EqualTo("2021000000000777"));
                if (!OperatingSystem.IsWindows())
                    Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
