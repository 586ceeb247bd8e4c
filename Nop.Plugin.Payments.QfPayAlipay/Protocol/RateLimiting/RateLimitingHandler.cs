using System.Net;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;

/// <summary>
/// Puts <see cref="MerchantRateLimiter"/> in front of every request of the QFPay client, keyed by the
/// <c>X-QF-APPCODE</c> header the client already sends (docs/qfpay-protocol.md §2.2), so the client itself knows nothing about
/// limits: <c>services.AddHttpClient&lt;QfPayClient&gt;().AddHttpMessageHandler&lt;RateLimitingHandler&gt;()</c>.
/// </summary>
/// <remarks>
/// The wait happens inside the call, so it counts against the call's own timeout: a request that cannot get a
/// permit in time is never sent, and the client reports a timeout (an unknown outcome the caller resolves by
/// query, as for any timeout). Nothing is retried here: a 429 is handed back as it came (the client reads it as
/// "unknown, query later", docs/qfpay-protocol.md §5.2) and only makes the merchant's next requests wait.
/// </remarks>
public sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly MerchantRateLimiter _limiter;

    public RateLimitingHandler(MerchantRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var merchant = MerchantOf(request);
        await _limiter.AcquireAsync(merchant, cancellationToken).ConfigureAwait(false);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            _limiter.ReportRateLimited(merchant, RetryAfter(response));
        else
            _limiter.ReportAnswered(merchant);

        return response;
    }

    /// <summary>The app code, or an empty key for a request without one (still limited, together).</summary>
    internal static string MerchantOf(HttpRequestMessage request) =>
        request.Headers.TryGetValues(QfPayHeaders.AppCode, out var values) ? values.FirstOrDefault()?.Trim() ?? string.Empty : string.Empty;

    // QFPay documents no Retry-After (docs/qfpay-protocol.md §1.5); honour it if it ever comes.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : null;
}
