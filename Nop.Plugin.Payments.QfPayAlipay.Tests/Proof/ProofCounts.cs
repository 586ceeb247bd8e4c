namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>What a proof suite tried and saw, printed with <see cref="ProofLog"/> so CI's log shows it.</summary>
public sealed record ProofCounts(string Suite, int BodiesTried, int Http500s, int StateChanges, int MarkAsPaidCalls, string? Extra = null)
{
    public void Print() =>
        ProofLog.WriteLine($"[{Suite}] bodies tried {BodiesTried}, HTTP 500s {Http500s}, state changes {StateChanges}, " +
            $"mark-as-paid calls {MarkAsPaidCalls}{(Extra is null ? string.Empty : $"; {Extra}")}");
}
