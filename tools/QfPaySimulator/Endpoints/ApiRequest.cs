using Microsoft.Extensions.Primitives;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// A QFPay API call as received: the decoded form fields (docs/qfpay-protocol.md §2.1), the X-QF headers (§2.2) and, when the body
/// is not a plain url-encoded form, why not.
/// </summary>
internal sealed class ApiRequest
{
    private static readonly string[] RecordedHeaders = ["X-QF-APPCODE", "X-QF-SIGN", "X-QF-SIGNTYPE", "Content-Type"];

    private ApiRequest(string path, string baseAddress, Dictionary<string, string> fields, Dictionary<string, string> headers, string? formatError)
    {
        Path = path;
        BaseAddress = baseAddress;
        Fields = fields;
        Headers = headers;
        FormatError = formatError;
    }

    public string Path { get; }

    /// <summary>Scheme, host and path base the client used, so links point back to this simulator.</summary>
    public string BaseAddress { get; }

    /// <summary>Every received field, empty ones included (they are left out of the signature, docs/qfpay-protocol.md §3.2).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? FormatError { get; }

    /// <summary>The field's value, or null when it is absent or empty (an empty field counts as not sent).</summary>
    public string? Value(string name) => Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The out_trade_no values a fault rule can match; a query may list several, comma-separated.</summary>
    public IReadOnlyCollection<string> OutTradeNos =>
        Value("out_trade_no")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public static async Task<ApiRequest> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in RecordedHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value))
                headers[name] = value.ToString();
        }

        var baseAddress = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = request.Path.Value ?? "";

        // QFPay takes application/x-www-form-urlencoded bodies only (docs/qfpay-protocol.md §2.1).
        if (!request.HasFormContentType
            || request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiRequest(path, baseAddress, fields, headers, "body must be application/x-www-form-urlencoded");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return new ApiRequest(path, baseAddress, fields, headers, "unreadable form body: " + exception.Message);
        }

        string? formatError = null;
        foreach (var (name, values) in form)
        {
            if (values.Count > 1)
                formatError = $"field {name} is sent more than once";
            fields[name] = values.Count == 0 ? "" : values[0] ?? "";
        }

        return new ApiRequest(path, baseAddress, fields, headers, formatError);
    }
}
