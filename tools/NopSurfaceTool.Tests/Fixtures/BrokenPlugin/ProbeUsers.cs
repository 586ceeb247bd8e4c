using Microsoft.AspNetCore.Mvc;
using Nop.Core;

namespace BrokenPlugin;

/// <summary>Calls a member that exists only in the stand-in: fails only when Refund runs.</summary>
public class ProbeCaller
{
    public string Refund(int level) => NopVersionProbe.Describe(level);

    public int Count() => NopVersionProbe.CallCount;

    public object MakeResult() => new ProbeResult { Text = "x" };

    public async Task<string> RefundAsync(int level)
    {
        await Task.Yield();
        return NopVersionProbe.Describe(level);
    }

    public Func<int, string> Describer() => level => NopVersionProbe.Describe(level + 1);
}

/// <summary>Implements a stand-in interface that lacks a member of the real one.</summary>
public class ProbePlugin : IProbePlugin
{
    public string Name => "probe";
}

/// <summary>Carries an attribute whose constructor signature differs in the real assembly.</summary>
[Probe("controller", ProbeAttribute.ProbeKind.Thorough)]
public class ProbeController : Controller
{
    public IActionResult Index() => Content(NopVersionProbe.Describe(2));
}

/// <summary>Generic code is resolved in its own generic context.</summary>
public class ProbeCache<T> where T : class
{
    private readonly List<T> _items = [];

    public T? First() => _items.FirstOrDefault();

    public string Label() => NopVersionProbe.Describe(_items.Count);
}

/// <summary>Derives from a two-level nopCommerce base chain, for the manifest completeness check.</summary>
public class DerivedProbe : ProbeBase
{
    public override string Title => "derived";
}
