using System.Security.Cryptography;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Alipay;

/// <summary>
/// The auth codes the authorisation page hands out: each names the app and the user, works once, and expires
/// (docs/qfpay-protocol.md §10.2 step 3). A code spent, expired, unknown or issued to another app is simply invalid, as Alipay's
/// single <c>isv.code-invalid</c> answer does not say which.
/// </summary>
internal sealed class AlipayAuthCodeBook(SimulatorOptions options, QfPayClock clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Grant> grants = new(StringComparer.Ordinal);

    /// <summary>A new code: 32 lower-case hex characters, the shape of Alipay's.</summary>
    public string Issue(string appId, string userId)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (gate)
            grants.Add(code, new Grant(appId, userId, clock.Instant + options.Alipay.AuthCodeLifetime));
        return code;
    }

    /// <summary>The user behind the code, spending it; null when it cannot be used.</summary>
    public string? Redeem(string appId, string code)
    {
        lock (gate)
        {
            if (!grants.TryGetValue(code, out var grant) || grant.Spent || grant.AppId != appId || clock.Instant > grant.ExpiresAt)
                return null;

            grants[code] = grant with { Spent = true };
            return grant.UserId;
        }
    }

    private sealed record Grant(string AppId, string UserId, DateTimeOffset ExpiresAt, bool Spent = false);
}
