using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// What was sent, safe to log or attach to an exception: the signature is redacted (it proves knowledge of
/// the key for that exact body), and so is every occurrence of the key and any field named like a secret
/// (QFPay's own refund example wrongly sends <c>key=</c>, API.md §12 C4; §11.20).
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
