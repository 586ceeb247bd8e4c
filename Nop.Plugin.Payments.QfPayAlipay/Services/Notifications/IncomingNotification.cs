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

    private const int InitialBufferBytes = 4096;

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> + 1 bytes, so an endless body costs nothing.</summary>
    public static async Task<IncomingNotification> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.TryGetValue(QfPayHeaders.Sign, out var values) ? values.ToString() : null;
        if (!HttpMethods.IsPost(request.Method))
            return new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature);

        if (request.ContentLength > MaxBodyBytes)
            return new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature, IsTooLarge: true);

        // Size the buffer by what the sender announced (one byte more, to catch a body longer than announced);
        // without Content-Length it grows from a small start. A fixed 64 KB buffer per notification dominated the
        // route's allocations in the benchmark.
        var buffer = new byte[request.ContentLength is { } announced ? (int)announced + 1 : InitialBufferBytes];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > MaxBodyBytes)
                    break;
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
                break;
            length += read;
        }

        return length > MaxBodyBytes
            ? new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature, IsTooLarge: true)
            : new IncomingNotification(request.Method, buffer.AsMemory(0, length), signature);
    }
}
