namespace Nop.Core;

public static class NopVersionProbe
{
    // Describe(int) and CallCount are missing; only a different overload exists.
    public static string Describe(long level) => level.ToString();
}

// ProbeResult is missing.

public interface IProbePlugin
{
    string Name { get; }

    // The real interface has a member the stand-in lacked, so implementers compiled against the stand-in fail to load.
    bool SkipProbe { get; }
}

public enum ProbeKind
{
    Quick,
    Thorough,
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ProbeAttribute : Attribute
{
    // The enum is top-level here, so the constructor signature differs from the one the plugin's metadata names.
    public ProbeAttribute(string name, ProbeKind kind = ProbeKind.Quick) { }
}

public abstract class ProbeRoot
{
    public virtual void Reset() { }
}

public abstract class ProbeBase : ProbeRoot
{
    public virtual string Title => "";
}
