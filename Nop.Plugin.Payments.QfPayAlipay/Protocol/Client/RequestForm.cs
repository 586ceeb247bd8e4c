using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// The fields of one request: the same list is signed and sent, so the two can never differ (API.md §3.2,
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
