using System.Net.Http.Headers;
using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// Signs, sends and times out one form POST, exactly once. Nothing here retries: a payment or refund
/// whose answer was lost may still have happened, and only a query can tell (docs/qfpay-protocol.md §2.4, §5.2, §11.11).
/// </summary>
internal sealed class QfPayTransport(HttpClient httpClient)
{
    /// <summary>QFPay answers are a few kilobytes; a query page of 100 records stays far below this.</summary>
    internal const int MaxResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue FormContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=UTF-8");

    public async Task<QfPayExchange> PostAsync(QfPayAccount account, string path, RequestForm form, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var fields = form.Fields;
        var signature = QfPaySigner.Sign(fields.Select(static f => new KeyValuePair<string, string?>(f.Key, f.Value)), account.ClientKey, account.SignType);
        var headers = QfPayHeaders.ForRequest(account.AppCode, signature, account.SignType);
        var url = QfPayEndpoints.Resolve(account.BaseUrl, path);
        var exchange = new QfPayExchange(QfPayRequestSummary.Create("POST", url, fields, headers, account.ClientKey));

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(form.EncodeUtf8()) };
        request.Content.Headers.ContentType = FormContentType;
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);

        // One token for "the caller gave up" and "our time is up"; which one fired decides between
        // rethrowing (the caller's choice) and an unknown outcome (ours).
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response.Content, timeoutSource.Token).ConfigureAwait(false);
            return body is null
                ? exchange with { HttpStatus = (int)response.StatusCode, Problem = QfPayProblem.MalformedResponse, Detail = $"The response body exceeds {MaxResponseBytes} bytes." }
                : exchange with { HttpStatus = (int)response.StatusCode, Body = body };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            // Our CancelAfter, or HttpClient.Timeout if it is shorter than ours.
            return exchange with
            {
                Problem = QfPayProblem.Timeout,
                ExceptionType = exception.GetType().Name,
                Detail = $"No answer from QFPay within {timeout.TotalSeconds:0.###} s; the outcome is unknown until a query resolves it.",
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return exchange with
            {
                Problem = QfPayProblem.NetworkError,
                ExceptionType = exception.GetType().Name,
                Detail = $"Network error talking to QFPay: {exception.Message}",
            };
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>One request and whatever came back: a status and body, or the transport problem instead.</summary>
internal sealed record QfPayExchange(QfPayRequestSummary Request)
{
    public int? HttpStatus { get; init; }

    public byte[]? Body { get; init; }

    public QfPayProblem Problem { get; init; }

    public string? ExceptionType { get; init; }

    public string? Detail { get; init; }
}

/// <summary>
/// The fields of one request: the same list is signed and sent, so the two can never differ (docs/qfpay-protocol.md §3.2,
/// §11.2). Values are trimmed on the way in and blank ones dropped (§11.3: no empty fields, no stray
/// spaces); the signer then signs exactly what is here.
/// </summary>
internal sealed class RequestForm
{
    private readonly List<KeyValuePair<string, string?>> _fields = [];

    public RequestForm Add(string name, string? value)
    {
        var trimmed = value?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
            _fields.Add(new KeyValuePair<string, string?>(name, trimmed));
        return this;
    }

    /// <summary>Sorted by name, as signed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => QfPaySigner.SignedFields(_fields);

    public string? this[string name] => _fields.FirstOrDefault(field => field.Key == name).Value;

    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> UTF-8: values percent-encoded on the wire, spaces as
    /// <c>+</c>, while the signature covers the raw values (§2.1, vector V5).
    /// </summary>
    public string Encode() => string.Join('&', Fields.Select(static field => Escape(field.Key) + "=" + Escape(field.Value)));

    public byte[] EncodeUtf8() => Encoding.UTF8.GetBytes(Encode());

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}

/// <summary>
/// What was sent, safe to log or attach to an exception: the signature is redacted (it proves knowledge of
/// the key for that exact body), and so is every occurrence of the key and any field named like a secret
/// (QFPay's own refund example wrongly sends <c>key=</c>, docs/qfpay-protocol.md §12 C4; §11.20).
/// </summary>
public sealed record QfPayRequestSummary
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretFieldNames = ["key", "client_key", "sign"];

    private QfPayRequestSummary(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Method = method;
        Url = url;
        Fields = fields;
        Headers = headers;
    }

    public string Method { get; }

    public Uri Url { get; }

    /// <summary>Form fields as signed (raw, not URL-encoded), redacted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>QFPay headers, <c>X-QF-SIGN</c> redacted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Builds the redacted summary; <paramref name="clientKey"/> is used only to find and hide it.</summary>
    public static QfPayRequestSummary Create(string method, Uri url, IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<KeyValuePair<string, string>> headers, string? clientKey)
    {
        ArgumentNullException.ThrowIfNull(url);

        var redactedFields = fields
            .Select(field => new KeyValuePair<string, string>(field.Key,
                SecretFieldNames.Contains(field.Key, StringComparer.OrdinalIgnoreCase) ? Redacted : HideKey(field.Value, clientKey)))
            .ToList();
        var redactedHeaders = headers
            .Select(header => new KeyValuePair<string, string>(header.Key,
                string.Equals(header.Key, QfPayHeaders.Sign, StringComparison.OrdinalIgnoreCase) ? Redacted : HideKey(header.Value, clientKey)))
            .ToList();

        return new QfPayRequestSummary(method, new Uri(HideKey(url.ToString(), clientKey)), redactedFields, redactedHeaders);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Url);
        text.Append(" [").AppendJoin('&', Fields.Select(static f => f.Key + "=" + f.Value)).Append(']');
        text.Append(" {").AppendJoin(", ", Headers.Select(static h => h.Key + ": " + h.Value)).Append('}');
        return text.ToString();
    }

    private static string HideKey(string value, string? clientKey) =>
        string.IsNullOrEmpty(clientKey) ? value : value.Replace(clientKey, Redacted, StringComparison.Ordinal);
}
