using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using QfPaySimulator;
using QfPaySimulator.Faults;
using QfPaySimulator.Hosting;
using QfPaySimulator.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

[TestFixture]
public sealed partial class HostingTests
{
    [Test]
    public async Task The_in_process_host_listens_on_a_free_loopback_port()
    {
        await using var first = await QfPaySimulatorHost.StartAsync();
        await using var second = await QfPaySimulatorHost.StartAsync();

        Assert.That(first.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(first.BaseAddress.Port, Is.Not.EqualTo(second.BaseAddress.Port));
        Assert.That(first.DefaultMerchant, Is.EqualTo(SimulatorOptions.DemoMerchant));
    }

    [Test]
    public void Starting_without_any_merchant_is_refused()
    {
        var options = new SimulatorOptions();
        options.Merchants.Clear();

        Assert.That(async () => await QfPaySimulatorHost.StartAsync(options), Throws.ArgumentException);
    }

    [Test]
    public void The_retry_schedule_is_QFPays_gaps_multiplied_by_the_time_scale()
    {
        var schedule = new RetrySchedule(0.5);

        var gaps = Enumerable.Range(2, RetrySchedule.MaxAttempts - 1).Select(schedule.GapBefore);

        Assert.That(RetrySchedule.MaxAttempts, Is.EqualTo(8));
        Assert.That(gaps, Is.EqualTo(new[] { 2, 10, 10, 60, 120, 360, 900 }.Select(minutes => TimeSpan.FromMinutes(minutes * 0.5))));
    }

    [Test]
    public void A_fault_spec_names_the_endpoint_the_kind_and_its_options()
    {
        var rule = FaultSpec.Parse("notification:DuplicateNotifications:count=3,concurrent,times=2,out_trade_no=A-1");
        var timeout = FaultSpec.Parse("refund:timeout:delay=1.5s,perform");

        Assert.Multiple(() =>
        {
            Assert.That(rule, Is.EqualTo(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DuplicateNotifications)
            {
                Count = 3, Concurrent = true, Times = 2, OutTradeNo = "A-1",
            }));
            Assert.That(timeout, Is.EqualTo(new FaultRule(SimulatorEndpoint.Refund, FaultKind.Timeout)
            {
                Delay = TimeSpan.FromSeconds(1.5), PerformOperation = true,
            }));
            Assert.That(FaultSpec.Parse("query:Latency:delay=250ms").Delay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        });
    }

    [TestCase("payment")]
    [TestCase("payment:Explode")]
    [TestCase("cashier:Http429")]
    [TestCase("1:1")]
    [TestCase("payment:Http429:times=many")]
    [TestCase("payment:Http429:colour=red")]
    public void A_malformed_fault_spec_is_refused(string spec)
    {
        Assert.That(() => FaultSpec.Parse(spec), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void Command_line_options_replace_the_demo_merchant_and_add_run_faults()
    {
        var options = new SimulatorOptions();

        var settings = CommandLineSettings.Apply(
        [
            "--urls", "http://127.0.0.1:5081", "--app-code", "APP", "--client-key=KEY", "--mchid", "M1",
            "--retry-time-scale", "0.01", "--fault", "payment:Http429:times=1", "--fault", "notification:DropNotification",
        ], options);

        Assert.Multiple(() =>
        {
            Assert.That(settings.ShowHelp, Is.False);
            Assert.That(options.Merchants, Is.EqualTo(new[] { new SimulatedMerchant("APP", "KEY", "M1") }));
            Assert.That(options.RetryTimeScale, Is.EqualTo(0.01));
            Assert.That(options.Faults.Select(fault => fault.Kind), Is.EqualTo(new[] { FaultKind.Http429, FaultKind.DropNotification }));
        });
    }

    [Test]
    public void The_startup_banner_shows_the_base_url_and_the_credentials()
    {
        var options = new SimulatorOptions();
        using var output = new StringWriter();

        StartupBanner.Write(output, ["http://127.0.0.1:5080"], options);

        Assert.That(output.ToString(), Does.Contain("http://127.0.0.1:5080")
            .And.Contain(SimulatorOptions.DemoMerchant.AppCode)
            .And.Contain(SimulatorOptions.DemoMerchant.ClientKey)
            .And.Contain("never send the mchid field"));
    }

    [Test]
    public async Task The_command_line_app_prints_its_address_and_credentials_and_accepts_them()
    {
        var simulatorDll = Path.Combine(AppContext.BaseDirectory, "QfPaySimulator.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { simulatorDll, "--urls", "http://127.0.0.1:0", "--mchid", "ZaMVg12345" })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        try
        {
            var banner = await ReadBannerAsync(process.StandardOutput, TimeSpan.FromSeconds(30));
            var baseUrl = BannerValue("Base URL", banner);
            var merchant = new SimulatedMerchant(BannerValue("App code", banner), BannerValue("Client key", banner), BannerValue("mchid", banner));
            using var client = new SimulatorClient(new Uri(baseUrl + "/"), merchant);

            var reply = await client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-110-1"));

            Assert.That(new Uri(baseUrl).Host, Is.EqualTo("127.0.0.1"));
            Assert.That(merchant.MerchantId, Is.EqualTo("ZaMVg12345"));
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reply.Respcd, Is.EqualTo("0000"), reply.Text);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ReadBannerAsync(StreamReader output, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        var banner = new System.Text.StringBuilder();
        while (await output.ReadLineAsync(expiry.Token) is { } line)
        {
            banner.AppendLine(line);
            if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                return banner.ToString();
        }

        throw new InvalidOperationException("The simulator ended before printing its banner:\n" + banner);
    }

    private static string BannerValue(string label, string banner) =>
        BannerLine().Matches(banner).Single(match => match.Groups["label"].Value == label).Groups["value"].Value;

    [GeneratedRegex(@"^  (?<label>Base URL|App code|Client key|mchid) +(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex BannerLine();
}
