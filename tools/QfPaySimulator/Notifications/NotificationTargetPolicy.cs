using System.Net;

namespace QfPaySimulator.Notifications;

/// <summary>
/// Keeps the simulator from posting anywhere but this machine unless the operator allows it: it is a rehearsal
/// tool, and a mistyped notify_url must not send traffic to a real host.
/// </summary>
internal sealed class NotificationTargetPolicy(bool allowRemoteTargets)
{
    public bool Allows(Uri target)
    {
        if (allowRemoteTargets)
            return true;

        if (string.Equals(target.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;

        return IPAddress.TryParse(target.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
