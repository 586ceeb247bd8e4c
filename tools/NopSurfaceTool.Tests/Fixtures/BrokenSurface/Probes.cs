namespace Nop.Core;

public static class NopVersionProbe
{
    public static int CallCount;

    public static string Describe(int level) => level.ToString();
}

public class ProbeResult
{
    public string Text { get; set; } = "";
}

public interface IProbePlugin
{
    string Name { get; }
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ProbeAttribute : Attribute
{
    public ProbeAttribute(string name, ProbeKind kind = ProbeKind.Quick) { }

    public enum ProbeKind
    {
        Quick,
        Thorough,
    }
}

public abstract class ProbeRoot
{
    public virtual void Reset() { }
}

public abstract class ProbeBase : ProbeRoot
{
    public virtual string Title => "";
}
