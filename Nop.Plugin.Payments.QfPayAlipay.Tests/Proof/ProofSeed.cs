using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// The seed of a proof suite: fixed, so CI runs the same cases every time and a failure reproduces; overridable with
/// <c>QFPAY_PROOF_SEED</c> to explore more cases locally (e.g. <c>QFPAY_PROOF_SEED=7 dotnet test --filter Proof</c>).
/// </summary>
public static class ProofSeed
{
    public const string Variable = "QFPAY_PROOF_SEED";

    /// <summary>The seed for <paramref name="suite"/>, printed so that a failing run can be repeated.</summary>
    public static int For(string suite, int fixedSeed)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        var seed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) ? chosen : fixedSeed;
        ProofLog.WriteLine($"[{suite}] seed {seed} ({(text is null ? "fixed" : $"from {Variable}")}); rerun with {Variable}={seed}");
        return seed;
    }
}
