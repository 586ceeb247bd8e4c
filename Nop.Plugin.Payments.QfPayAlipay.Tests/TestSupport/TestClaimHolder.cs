using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// One simulated web node as a holder of settlement claims. Nodes of one test share <paramref name="crashed"/>: a node
/// that "crashes" is added there, and every other node then knows its claims are abandoned, as the real holder knows a
/// process of its own machine is gone.
/// </summary>
public sealed class TestClaimHolder(string name, ConcurrentDictionary<string, bool> crashed) : ClaimHolder($"{name}/{Guid.NewGuid():N}")
{
    public override bool IsGone(string? token) => token is not null && token != Token && crashed.ContainsKey(token);

    /// <summary>Marks this node's process as gone.</summary>
    public void Crash() => crashed[Token] = true;
}
