using System.Net.Http.Headers;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// Signs, sends and times out one form POST, exactly once. Nothing here retries: a payment or refund
/// whose answer was lost may still have happened, and only a query can tell (API.md §2.4, §5.2, §11.11).
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
