namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>
/// What a proof suite tried and saw, printed with <see cref="ProofLog"/> so CI's log shows it. On a database engine the
/// line starts "[Proof:&lt;engine&gt; &lt;version&gt;]" and names the unique violations the engine raised.
/// </summary>
public sealed record ProofCounts(string Suite, int BodiesTried, int Http500s, int StateChanges, int MarkAsPaidCalls, string? Extra = null)
{
    /// <summary>The engine and its version ("PostgreSQL 15.18"); null when the tables were in memory.</summary>
    public string? Engine { get; init; }

    /// <summary>Writes the engine refused because of a unique index (or the in-memory tables' model of it).</summary>
    public int UniqueViolations { get; init; }

    public void Print() => ProofLog.WriteLine(Engine is null
        ? $"[{Suite}] bodies tried {BodiesTried}, HTTP 500s {Http500s}, state changes {StateChanges}, " +
          $"mark-as-paid calls {MarkAsPaidCalls}{(Extra is null ? string.Empty : $"; {Extra}")}"
        : $"[Proof:{Engine}] {Suite}: bodies tried {BodiesTried}, unique violations raised by the engine {UniqueViolations}, " +
          $"mark-as-paid calls {MarkAsPaidCalls}, HTTP 500s {Http500s}, state changes {StateChanges}{(Extra is null ? string.Empty : $"; {Extra}")}");
}
