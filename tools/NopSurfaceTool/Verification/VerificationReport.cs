namespace NopSurfaceTool.Verification;

/// <summary>One thing that would fail at run time: where it is used (Type::Method or a type) and what is missing.</summary>
public sealed record VerificationFailure(string Location, string Problem)
{
    public override string ToString() => $"{Location}: {Problem}";
}

/// <summary>What <see cref="PluginVerifier"/> looked at and what failed.</summary>
public sealed class VerificationReport
{
    private readonly List<VerificationFailure> _failures = [];
    private readonly HashSet<VerificationFailure> _seen = [];

    public required string PluginAssembly { get; init; }
    public int TypeCount { get; internal set; }
    public int MethodCount { get; internal set; }
    public int MemberReferenceCount { get; internal set; }
    public int AttributeCount { get; internal set; }
    public int SkippedGenericMethodCount { get; internal set; }

    public IReadOnlyList<VerificationFailure> Failures => _failures;
    public bool Succeeded => _failures.Count == 0;

    public string Summary =>
        $"verified {TypeCount} types, {MethodCount} methods, {MemberReferenceCount} member references, {AttributeCount} attributes: {_failures.Count} failures";

    internal bool Has(string location, string problem) => _seen.Contains(new VerificationFailure(location, problem));

    internal void Fail(string location, string problem)
    {
        var failure = new VerificationFailure(location, problem);
        if (_seen.Add(failure))
            _failures.Add(failure);
    }
}
