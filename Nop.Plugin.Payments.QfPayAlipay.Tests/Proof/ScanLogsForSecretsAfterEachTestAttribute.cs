using NUnit.Framework.Interfaces;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

[assembly: ScanLogsForSecretsAfterEachTest]

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Issue #8: after every test of the assembly, the lines it added to any <see cref="RecordingLogger"/> of the run
/// (<see cref="LogSinks.Process"/>) are scanned for the configured keys, and a hit fails that test. NUnit can neither
/// order a fixture last nor fail the run from a set-up fixture's tear-down (it is reported, yet the run passes), so
/// the whole-run scan is done test by test; each line is scanned once.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ScanLogsForSecretsAfterEachTestAttribute : Attribute, ITestAction
{
    private static int _texts;

    public ActionTargets Targets => ActionTargets.Test;

    /// <summary>How many log texts the run has scanned so far.</summary>
    public static int TextsScanned => Volatile.Read(ref _texts);

    public void BeforeTest(ITest test)
    {
    }

    public void AfterTest(ITest test)
    {
        var hits = NewHits(LogSinks.Process);
        if (hits.Count > 0)
            Assert.Fail($"a configured key reached a log during {test.FullName}: {string.Join("; ", hits)}");
    }

    /// <summary>The keys found in what <paramref name="sinks"/> received since the previous call.</summary>
    public static IReadOnlyList<string> NewHits(LogSinks sinks)
    {
        var texts = sinks.TakeNewTexts();
        Interlocked.Add(ref _texts, texts.Count);
        return SecretScan.Find(texts.Select(static (text, i) => ($"new log text {i}", (string?)text)));
    }
}
