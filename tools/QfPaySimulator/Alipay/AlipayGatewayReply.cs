using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace QfPaySimulator.Alipay;

/// <summary>
/// An answer of the fake gateway: <c>{"&lt;member&gt;":{...},"sign":"..."}</c>, where <c>sign</c> is Alipay's RSA2
/// signature over the member's JSON text exactly as written into the body. Non-ASCII text (Alipay's Chinese
/// <c>sub_msg</c>) goes out as raw UTF-8, so a client that re-serialises instead of verifying the raw text fails.
/// </summary>
internal sealed class AlipayGatewayReply
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AlipayGatewayReply(string member, string content, string? sign)
    {
        Member = member;
        Content = content;
        Sign = sign;
    }

    public string Member { get; }

    /// <summary>The member's JSON text, exactly as in the body.</summary>
    public string Content { get; }

    public string? Sign { get; }

    /// <summary>An <c>error_response</c> with Alipay's public error fields; unsigned when <paramref name="alipayKey"/> is null.</summary>
    public static AlipayGatewayReply Error(string code, string msg, string subCode, string subMsg, RSA? alipayKey) =>
        Create("error_response", [new("code", code), new("msg", msg), new("sub_code", subCode), new("sub_msg", subMsg)], alipayKey);

    public static AlipayGatewayReply Create(string member, IEnumerable<KeyValuePair<string, object>> fields, RSA? alipayKey)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case long number:
                        json.WriteNumber(name, number);
                        break;
                    default:
                        json.WriteString(name, value.ToString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        var content = buffer.ToArray();
        var sign = alipayKey is null
            ? null
            : Convert.ToBase64String(alipayKey.SignData(content, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new AlipayGatewayReply(member, Encoding.UTF8.GetString(content), sign);
    }

    public string ToBody() =>
        Sign is null ? $"{{\"{Member}\":{Content}}}" : $"{{\"{Member}\":{Content},\"sign\":\"{Sign}\"}}";
}
