using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Localization;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #8, suite 4: the configured keys (QFPay client key, Alipay private keys) appear in no log line, exception,
/// admin model or shopper page. The logs are those of every <see cref="RecordingLogger"/> of the run
/// (<see cref="LogSinks.Process"/>): this fixture scans what has run before it, and
/// <see cref="ScanLogsForSecretsAfterEachTestAttribute"/> scans what every test of the run adds, failing that test.
/// </summary>
[TestFixture]
[NonParallelizable]
public class SecretsTests
{
    [Test]
    public void The_scan_finds_a_key_planted_in_a_log_line_or_an_exception_whole_or_in_part()
    {
        var sinks = new LogSinks();
        var clean = new RecordingLogger(sinks);
        clean.WarningAsync("notification refused (BadSignature): out_trade_no 10025-1-x. Nothing was changed.");
        Assert.That(SecretScan.FindInLogs(sinks), Is.Empty);

        var key = SimulatorOptions.DemoMerchant.ClientKey;
        new RecordingLogger(sinks).ErrorAsync($"QFPay refused the request signed with key {key}");
        new RecordingLogger(sinks).ErrorAsync("failed", new InvalidOperationException($"key prefix {key[..28]}"));
        new RecordingLogger(sinks).InformationAsync($"Alipay key {Alipay.AlipayTestKeys.FixedPrivateKey[100..160]}");

        var hits = SecretScan.FindInLogs(sinks);
        Assert.That(hits, Has.Count.EqualTo(3));
        Assert.That(hits, Has.None.Contains(key), "a hit names the key, never shows it");
    }

    [Test]
    public void The_after_each_test_scan_fails_on_a_planted_key_and_reads_each_line_once()
    {
        var sinks = new LogSinks();
        var logger = new RecordingLogger(sinks);
        logger.InformationAsync("order 10025 marked paid");
        Assert.That(ScanLogsForSecretsAfterEachTestAttribute.NewHits(sinks), Is.Empty);

        logger.WarningAsync($"QFPay key is {SimulatorOptions.DemoMerchant.ClientKey}");
        Assert.That(ScanLogsForSecretsAfterEachTestAttribute.NewHits(sinks), Has.Count.EqualTo(1), "the planted key fails the test that logged it");
        Assert.That(ScanLogsForSecretsAfterEachTestAttribute.NewHits(sinks), Is.Empty, "a line is scanned once");
    }

    [Test]
    public void No_log_line_or_logged_exception_of_the_run_so_far_holds_a_configured_key()
    {
        var texts = LogSinks.Process.AllTexts().ToList();
        ProofLog.WriteLine($"[{nameof(SecretsTests)}] scanned {texts.Count} log texts from {LogSinks.Process.LoggerCount} loggers " +
            $"({ScanLogsForSecretsAfterEachTestAttribute.TextsScanned} already scanned test by test)");
        Assert.That(SecretScan.FindInLogs(LogSinks.Process), Is.Empty);
    }

    [Test]
    public async Task The_admin_page_model_carries_only_the_mask_of_the_client_key()
    {
        var shop = new Shop();

        // Every key setting the plugin has gets a configured value (by name, so a new key field is covered too).
        foreach (var property in typeof(QfPayAlipaySettings).GetProperties().Where(static p => p.PropertyType == typeof(string) && p.Name.EndsWith("PrivateKey", StringComparison.Ordinal)))
            property.SetValue(shop.Settings, Alipay.AlipayTestKeys.FixedPrivateKey);
        var health = new Mock<IIntegrationHealthLog>();
        health.Setup(h => h.GetReportAsync(It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(IntegrationHealthReport.Empty);
        var services = new ServiceCollection();
        shop.RegisterServices(services);
        services.AddSingleton(health.Object);
        services.AddSingleton(EnglishResources.Mock().Object);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var model = await scope.ServiceProvider.GetRequiredService<ConfigurationModelFactory>().PrepareModelAsync(0);

        var rendered = JsonSerializer.Serialize(model);
        var keyFields = model.GetType().GetProperties()
            .Where(static p => p.PropertyType == typeof(string) && (p.Name.EndsWith("ClientKey", StringComparison.Ordinal) || p.Name.EndsWith("PrivateKey", StringComparison.Ordinal)))
            .ToDictionary(static p => p.Name, p => p.GetValue(model));
        Assert.That(keyFields, Is.Not.Empty);
        Assert.That(keyFields.Values, Is.All.Null, "the page's key editors start empty: " + string.Join(", ", keyFields.Keys));
        Assert.That(SecretScan.Find([("configuration model", rendered)]), Is.Empty);
    }

    [Test]
    public async Task Shopper_answers_and_pages_and_QFPay_failures_hold_no_key()
    {
        await using var shop = await LiveShop.StartAsync(simulator: s => s.Faults.Add(new FaultRule(SimulatorEndpoint.Payment, FaultKind.Http5xx) { Times = 1 }));
        var order = shop.AddOrder();
        var produced = new List<(string, string?)>();
        produced.AddRange(NotifyAnswer.Table.Values.Select(static a => ($"notify answer {a.Reason}", (string?)a.Body)));

        // A failed checkout and its problem page, a pending return page, a wrong out_trade_no.
        await shop.PostProcessAsync(order);
        var attempt = shop.Attempts.All.FirstOrDefault();
        produced.Add(("return page (unknown)", JsonSerializer.Serialize(await shop.InScopeAsync(s => s.GetRequiredService<ReturnPageDecider>().ForReturnAsync("nope")))));
        produced.Add(("problem page", JsonSerializer.Serialize(await shop.InScopeAsync(s => s.GetRequiredService<ReturnPageDecider>().ForProblemAsync(order.OrderGuid)))));
        if (attempt is not null)
            produced.Add(("return page", JsonSerializer.Serialize(await shop.InScopeAsync(s => s.GetRequiredService<ReturnPageDecider>().ForReturnAsync(attempt.OutTradeNo)))));

        // What a QFPay failure turns into: the client's exception, as it would reach a log.
        shop.Simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { Times = 1 });
        var failed = await shop.InScopeAsync(s => s.GetRequiredService<QfPayClient>()
            .QueryAsync(SimulatorScenario.AccountFor(shop.Simulator), QueryRequest.ByOutTradeNo("x-1-1", DateTimeOffset.UtcNow)));
        produced.Add(("QFPay failure", failed.ToString()));
        try
        {
            failed.EnsureSuccess();
        }
        catch (Exception exception)
        {
            produced.Add(("QFPay exception", exception.ToString()));
        }

        produced.AddRange(shop.Log.Lines.Select(static (l, i) => ($"log line {i}", (string?)(l.Message + " " + l.Exception))));
        Assert.That(SecretScan.Find(produced), Is.Empty);
        Assert.That(shop.Log.At(LogLevel.Error).Concat(shop.Log.At(LogLevel.Warning)), Is.Not.Empty, "the failure was logged, and scanned");
    }

    [Test]
    public void No_view_writes_a_key_into_the_page()
    {
        // Razor views are not compiled in the tests: read their source. A key may appear only as an editor
        // (asp-for="ClientKey", whose value the factory nulls: see the admin model test) or through its mask and flags;
        // never written out from the model or the settings.
        var views = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay", "Views"), "*.cshtml", SearchOption.AllDirectories);
        var leaks = views.SelectMany(view => File.ReadLines(view).Select((line, i) => (Where: $"{Path.GetFileName(view)}:{i + 1}", Line: line)))
            .Where(static l => Regex.IsMatch(l.Line, @"Model\.\w*(ClientKey|PrivateKey)(?!Mask|_OverrideForStore|StoredForScope|Present)\b|Settings\.\w*(ClientKey|PrivateKey)"))
            .Select(static l => $"{l.Where}: {l.Line.Trim()}")
            .ToList();

        Assert.That(views, Is.Not.Empty);
        Assert.That(leaks, Is.Empty);
    }
}
