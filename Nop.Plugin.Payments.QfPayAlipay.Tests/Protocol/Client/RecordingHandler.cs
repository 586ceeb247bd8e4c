using System.Net;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

/// <summary>A fake transport: records every request as it went on the wire and answers from a script.</summary>
public sealed class RecordingHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly List<RecordedHttpRequest> _requests = [];

    public IReadOnlyList<RecordedHttpRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    public static RecordingHandler Answering(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new((_, _) => Task.FromResult(Json(json, status)));

    public static RecordingHandler AnsweringInTurn(params string[] jsonBodies)
    {
        var next = 0;
        return new((_, _) => Task.FromResult(Json(jsonBodies[Math.Min(Interlocked.Increment(ref next) - 1, jsonBodies.Length - 1)])));
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (_requests)
            _requests.Add(new RecordedHttpRequest(request.Method.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body));

        return await respond(request, cancellationToken);
    }
}

public sealed record RecordedHttpRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    /// <summary>The body decoded the way a server's form reader decodes it.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Decode(parts[0]), parts => Decode(parts.Length > 1 ? parts[1] : ""));

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
