using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// One request to the notification route, reduced to what verification needs: the method, the exact body bytes
/// (never parsed or re-serialised before the signature is checked, API.md §6.3, §11.6) and the X-QF-SIGN header.
/// </summary>
public sealed record IncomingNotification(string Method, ReadOnlyMemory<byte> Body, string? Signature, bool IsTooLarge = false)
{
    /// <summary>QFPay's notifications are about 1 KB; the protocol refuses anything above this.</summary>
    public const int MaxBodyBytes = NotificationParser.MaxBodyBytes;

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> + 1 bytes, so an endless body costs nothing.</summary>
    public static async Task<IncomingNotification> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.TryGetValue(QfPayHeaders.Sign, out var values) ? values.ToString() : null;
        if (!HttpMethods.IsPost(request.Method))
            return new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature);

        if (request.ContentLength > MaxBodyBytes)
            return new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature, IsTooLarge: true);

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            length += read;

        return length > MaxBodyBytes
            ? new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature, IsTooLarge: true)
            : new IncomingNotification(request.Method, buffer.AsMemory(0, length), signature);
    }
}
