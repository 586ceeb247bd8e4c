using System.Security.Cryptography;
using System.Text;

namespace QfPaySimulator;

/// <summary>
/// The notification signature: upper-case hex MD5 of the raw body bytes followed by the client key; no sorting,
/// unlike request signing (docs/qfpay-protocol.md §6.3, §6.8).
/// </summary>
public static class NotificationSignature
{
    public static string Compute(ReadOnlySpan<byte> body, string clientKey)
    {
        ArgumentNullException.ThrowIfNull(clientKey);

        var key = Encoding.UTF8.GetBytes(clientKey);
        var signed = new byte[body.Length + key.Length];
        body.CopyTo(signed);
        key.CopyTo(signed.AsSpan(body.Length));
        return Convert.ToHexString(MD5.HashData(signed));
    }

    public static string Compute(string body, string clientKey) =>
        Compute(Encoding.UTF8.GetBytes(body), clientKey);
}
