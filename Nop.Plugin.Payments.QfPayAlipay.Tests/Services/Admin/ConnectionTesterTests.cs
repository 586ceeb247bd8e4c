using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Admin;

/// <summary>"Test connection" against the local QFPay simulator over real HTTP on 127.0.0.1.</summary>
public class ConnectionTesterTests
{
    private QfPaySimulatorHost _simulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartSimulator()
    {
        _simulator = await QfPaySimulatorHost.StartAsync(new SimulatorOptions());
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
    }

    [TearDown]
    public async Task StopSimulator()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    private ConnectionTester Tester(TimeSpan? timeout = null) =>
        new(new QfPayClient(_http), TimeProvider.System) { Timeout = timeout ?? ConnectionTester.DefaultTimeout };

    private ConnectionSettings Settings(string? appCode = null, string? clientKey = null, string? baseUrl = null,
        QfPaySignType signType = QfPaySignType.Md5) =>
        new(QfPayEnvironment.Custom, baseUrl ?? _simulator.BaseAddress.ToString(),
            appCode ?? _simulator.DefaultMerchant.AppCode, clientKey ?? _simulator.DefaultMerchant.ClientKey, null, signType);

    [Test]
    public async Task Right_credentials_are_reported_ok_whatever_the_records()
    {
        var result = await Tester().TestAsync(Settings());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.CredentialsOk));
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.ResponseCode, Is.EqualTo("0000"));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.Ok"));
            Assert.That(result.MessageArguments, Is.EqualTo(new[] { _simulator.BaseAddress.ToString() }));
        });
    }

    [Test]
    public async Task Right_credentials_signed_with_SHA256_are_reported_ok()
    {
        var result = await Tester().TestAsync(Settings(signType: QfPaySignType.Sha256));

        Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.CredentialsOk));
    }

    [Test]
    public async Task The_test_is_one_harmless_query_for_a_number_that_cannot_exist_within_one_month()
    {
        await Tester().TestAsync(Settings());

        var request = _simulator.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Endpoint, Is.EqualTo(SimulatorEndpoint.Query));
            Assert.That(request.Form["out_trade_no"], Does.StartWith("nop-connection-test-"));
            Assert.That(request.Form["start_time"][..7], Is.EqualTo(request.Form["end_time"][..7]), "one calendar month");
            Assert.That(request.Form.Keys, Has.None.EqualTo("mchid"));
        });
    }

    [Test]
    public async Task A_wrong_key_is_reported_as_a_wrong_key()
    {
        var result = await Tester().TestAsync(Settings(clientKey: "00000000000000000000000000000000"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.WrongKey));
            Assert.That(result.ResponseCode, Is.EqualTo("1108"));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.WrongKey"));
        });
    }

    [Test]
    public async Task An_unknown_app_code_is_reported_with_qfpays_code_and_message()
    {
        var result = await Tester().TestAsync(Settings(appCode: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.UnknownAppCode));
            Assert.That(result.ResponseCode, Is.EqualTo("1106"));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.UnknownAppCode"));
            Assert.That(result.MessageArguments[1], Is.EqualTo("1106"));
            Assert.That(result.MessageArguments[2], Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_closed_port_is_reported_unreachable_with_the_exception_type()
    {
        var closedPort = ClosedLoopbackPort();

        var result = await Tester().TestAsync(Settings(baseUrl: $"http://127.0.0.1:{closedPort}/"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.Unreachable));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.Unreachable"));
            Assert.That(result.MessageArguments, Is.EqualTo(new[] { $"http://127.0.0.1:{closedPort}/", nameof(HttpRequestException) }));
        });
    }

    [Test]
    public async Task A_server_error_is_reported_unreachable_with_the_http_status()
    {
        _simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Http5xx) { StatusCode = 503 });

        var result = await Tester().TestAsync(Settings());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.Unreachable));
            Assert.That(result.MessageArguments[1], Is.EqualTo("HTTP 503"));
        });
    }

    [Test]
    public async Task A_qfpay_that_does_not_answer_in_time_is_reported_as_a_timeout_within_the_limit()
    {
        _simulator.AddFault(new FaultRule(SimulatorEndpoint.Query, FaultKind.Timeout) { Delay = TimeSpan.FromSeconds(5) });
        var watch = Stopwatch.StartNew();

        var result = await Tester(TimeSpan.FromSeconds(1)).TestAsync(Settings());

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
            Assert.That(result.Outcome, Is.EqualTo(ConnectionTestOutcome.Unreachable));
            Assert.That(result.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.Timeout"));
            Assert.That(result.MessageArguments[1], Is.EqualTo("1"));
        });
    }

    [Test]
    public void The_admin_never_waits_ten_seconds()
    {
        Assert.That(ConnectionTester.DefaultTimeout, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Missing_settings_are_reported_without_calling_qfpay()
    {
        var noAppCode = await Tester().TestAsync(Settings() with { AppCode = " " });
        var noKey = await Tester().TestAsync(Settings() with { ClientKey = null });
        var badUrl = await Tester().TestAsync(Settings(baseUrl: "not-a-url"));

        Assert.Multiple(() =>
        {
            Assert.That(noAppCode.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.MissingAppCode"));
            Assert.That(noKey.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.MissingClientKey"));
            Assert.That(badUrl.MessageKey, Is.EqualTo("Plugins.Payments.QfPayAlipay.TestConnection.InvalidBaseUrl"));
            Assert.That(new[] { noAppCode, noKey, badUrl }.Select(r => r.Outcome), Is.All.EqualTo(ConnectionTestOutcome.NotConfigured));
            Assert.That(_simulator.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task No_outcome_carries_the_key()
    {
        var key = _simulator.DefaultMerchant.ClientKey;
        var results = new[]
        {
            await Tester().TestAsync(Settings()),
            await Tester().TestAsync(Settings(appCode: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")),
            await Tester().TestAsync(Settings(baseUrl: $"http://127.0.0.1:{ClosedLoopbackPort()}/")),
        };

        Assert.That(results.SelectMany(r => r.MessageArguments.Append(r.ToString())), Has.None.Contains(key));
        Assert.That(Settings().ToString(), Does.Not.Contain(key));
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
