using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Reconciliation;

/// <summary>
/// A fast in-process QFPay for load tests: answers every query by syssn with "not paid yet" (record respcd 1143) and
/// notes, on the shared fake clock, when each request arrived and which syssn it asked about.
/// </summary>
public sealed class FakeQueryResponder(TimeProvider clock) : HttpMessageHandler
{
    private readonly ConcurrentQueue<(DateTimeOffset At, string Syssn)> _queries = new();

    public IReadOnlyList<(DateTimeOffset At, string Syssn)> Queries => _queries.ToArray();

    /// <summary>Real time each answer takes, so that concurrent callers interleave.</summary>
    public TimeSpan Latency { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var form = body.Split('&').Select(static pair => pair.Split('=', 2))
            .ToDictionary(static p => Uri.UnescapeDataString(p[0]), static p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
        var syssn = form.GetValueOrDefault("syssn") ?? "";
        _queries.Enqueue((at, syssn));
        if (Latency > TimeSpan.Zero)
            await Task.Delay(Latency, cancellationToken);

        var answer = JsonSerializer.Serialize(new
        {
            respcd = "0000",
            resperr = "success",
            data = syssn.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(static s => new
            {
                syssn = s,
                out_trade_no = "",
                order_type = "payment",
                txamt = "12800",
                txcurrcd = "HKD",
                respcd = "1143",
                errmsg = "order not paid yet",
                cancel = "0",
            }),
        });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
