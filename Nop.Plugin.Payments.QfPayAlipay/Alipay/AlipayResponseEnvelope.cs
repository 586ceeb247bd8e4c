using System.Text;
using System.Text.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// An answer of Alipay's gateway, split into what was signed and the signature:
/// <c>{"&lt;method&gt;_response":{...},"sign":"..."}</c> or <c>{"error_response":{...},"sign":"..."}</c>.
/// </summary>
/// <remarks>
/// Alipay signs the JSON text of the <c>*_response</c> member exactly as it appears in the body, so
/// <see cref="SignedContent"/> is that substring of the raw bytes, never a re-serialisation: escapes, spacing and
/// member order all count (the same lesson as QFPay's notifications, API.md §11 item 6). The parsed
/// <see cref="Content"/> comes from the very same bytes, so what is verified is what is read.
/// </remarks>
public sealed class AlipayResponseEnvelope
{
    public const string ErrorMember = "error_response";

    private AlipayResponseEnvelope(string memberName, byte[] signedContent, string? sign, JsonElement content)
    {
        MemberName = memberName;
        SignedContent = signedContent;
        Sign = sign;
        Content = content;
    }

    /// <summary>The method's member (e.g. <c>alipay_system_oauth_token_response</c>) or <see cref="ErrorMember"/>.</summary>
    public string MemberName { get; }

    public bool IsErrorMember => MemberName == ErrorMember;

    /// <summary>The exact UTF-8 bytes of the member's value as they appear in the body.</summary>
    public byte[] SignedContent { get; }

    /// <summary>The Base64 signature, or null when the body has none (Alipay leaves some errors unsigned).</summary>
    public string? Sign { get; }

    /// <summary>The member's value (a JSON object), parsed from <see cref="SignedContent"/>.</summary>
    public JsonElement Content { get; }

    /// <summary>The member name Alipay uses for a method: dots become underscores, plus <c>_response</c>.</summary>
    public static string ResponseMemberFor(string method) => method.Replace('.', '_') + "_response";

    /// <summary>Splits a body; a body that is not exactly one such member (plus <c>sign</c>) gives a problem instead.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, string method, out AlipayResponseEnvelope? envelope, out string? problem)
    {
        envelope = null;
        var expected = ResponseMemberFor(method);
        // A UTF-8 byte order mark is not part of the JSON (and not of the signed text); the reader does not skip it.
        if (body.StartsWith("\uFEFF"u8))
            body = body[3..];
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Problem("the answer is not a JSON object.", out problem);

            string? member = null, sign = null;
            byte[]? content = null;
            var signs = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (name == expected || name == ErrorMember)
                {
                    if (member is not null)
                        return Problem("the answer holds more than one response member.", out problem);
                    if (reader.TokenType != JsonTokenType.StartObject)
                        return Problem($"{name} is not a JSON object.", out problem);

                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    content = body[start..(int)reader.BytesConsumed].ToArray();
                    member = name;
                }
                else if (name == AlipayRsa2Signer.SignParameter)
                {
                    if (++signs > 1)
                        return Problem("the answer holds more than one sign.", out problem);
                    sign = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    // Other members (e.g. alipay_cert_sn in certificate mode) are not signed content; ignore them.
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return Problem("the answer has content after its JSON object.", out problem);
            if (member is null || content is null)
                return Problem($"the answer holds neither {expected} nor {ErrorMember}.", out problem);

            using var document = JsonDocument.Parse(content);
            envelope = new AlipayResponseEnvelope(member, content, sign, document.RootElement.Clone());
            problem = null;
            return true;
        }
        catch (JsonException)
        {
            return Problem("the answer is not valid JSON.", out problem);
        }
        catch (DecoderFallbackException)
        {
            return Problem("the answer is not valid UTF-8.", out problem);
        }
    }

    /// <summary>A string member of <see cref="Content"/>; numbers are read as their text (Alipay is not consistent).</summary>
    public string? Text(string name) =>
        Content.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static bool Problem(string text, out string? problem)
    {
        problem = "Alipay's answer could not be read: " + text;
        return false;
    }
}
