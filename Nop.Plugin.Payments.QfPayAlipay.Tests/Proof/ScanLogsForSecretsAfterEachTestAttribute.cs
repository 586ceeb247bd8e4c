using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests;

/// <summary>
/// Issue #8: after the last test of the assembly (this set-up fixture encloses every namespace of the tests), scans
/// every log line and logged exception of the whole run for the configured keys. NUnit cannot order a fixture last,
/// so the scan lives here; a hit fails the run's one-time tear-down, which dotnet test reports as an error.
/// </summary>
[SetUpFixture]
public class RunWideSecretsScan
{
    [OneTimeTearDown]
    public void No_configured_key_was_logged_during_the_run()
    {
        var hits = SecretScan.FindInLogs(LogSinks.Process);
        TestContext.Progress.WriteLine($"[{nameof(RunWideSecretsScan)}] {LogSinks.Process.AllTexts().Count()} log texts from {LogSinks.Process.LoggerCount} loggers scanned, {hits.Count} key hits");
        Assert.That(hits, Is.Empty, "a configured key reached a log during the test run");
    }
}
