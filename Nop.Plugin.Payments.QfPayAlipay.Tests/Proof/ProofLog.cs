namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// Where the proof suites print what they tried. The test's error stream: the NUnit adapter hands it to
/// <c>dotnet test</c>'s console at the default verbosity, so CI's log shows the seeds and counts (TestContext.Progress
/// would appear only with <c>--logger "console;verbosity=normal"</c>, and the README's test command has no options).
/// </summary>
internal static class ProofLog
{
    public static void WriteLine(string line) => Console.Error.WriteLine(line);
}
