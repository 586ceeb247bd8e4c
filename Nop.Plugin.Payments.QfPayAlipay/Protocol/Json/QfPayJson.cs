using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

/// <summary>
/// Reads QFPay's JSON answers with Newtonsoft.Json: strict in syntax (<see cref="StrictJsonReader"/>), forgiving in
/// types: a value documented as a string may arrive as a JSON number (samples print <c>respcd</c> and <c>txamt</c> both
/// ways, docs/qfpay-protocol.md §5.1, §11.17), unknown fields are ignored (§6.1), and of a name given twice the last
/// value counts.
/// </summary>
internal static class QfPayJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
        LineInfoHandling = LineInfoHandling.Ignore,
    };

    /// <summary>The body as a JSON object; null when it is not valid UTF-8, not JSON, or another JSON value.</summary>
    /// <exception cref="FormatException">A string escapes half of a surrogate pair (<c>"\ud800"</c>): it is not text.</exception>
    public static JObject? TryParseObject(byte[]? utf8)
    {
        if (utf8 is null)
            return null;

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        JToken root;
        try
        {
            // Dates stay text and decimals stay decimal: a value is read as the characters QFPay sent.
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = StrictJsonReader.MaxDepth,
            };
            root = JToken.ReadFrom(reader, LoadSettings);
            if (reader.Read() || !StrictJsonReader.IsStrict(text))
                return null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (EscapesHalfASurrogatePair(text))
            throw new FormatException("The JSON text escapes half of a surrogate pair.");

        return root as JObject;
    }

    /// <summary>
    /// The field as text: strings as they are, numbers by their digits (so <c>0000</c> written as a string and
    /// <c>12800</c> written as a number both read naturally), booleans as <c>true</c>/<c>false</c>; null for
    /// missing, null, object and array values.
    /// </summary>
    public static string? Text(JObject? obj, string name) => obj?[name] is JValue value ? TextOf(value) : null;

    /// <summary>Like <see cref="Text"/>, but blank values read as null.</summary>
    public static string? NonEmptyText(JObject? obj, string name)
    {
        var text = Text(obj, name);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>Every scalar field as text, for diagnostics and forward compatibility.</summary>
    public static IReadOnlyDictionary<string, string?> Scalars(JObject obj) =>
        obj.Properties()
            .Where(static property => property.Value is JValue)
            .ToDictionary(static property => property.Name, static property => TextOf((JValue)property.Value), StringComparer.Ordinal);

    private static string? TextOf(JValue value) => value.Type switch
    {
        JTokenType.String => (string?)value.Value,
        JTokenType.Integer or JTokenType.Float => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        JTokenType.Boolean => (bool)value.Value! ? "true" : "false",
        _ => null,
    };

    // Newtonsoft.Json reads an escaped lone surrogate as U+FFFD without a word; an answer saying "\ud800" is refused
    // instead, so that no guessed character reaches a note or a log as if QFPay had sent it.
    private static bool EscapesHalfASurrogatePair(string json)
    {
        for (var i = json.IndexOf('\\'); i >= 0 && i + 1 < json.Length; i = json.IndexOf('\\', i))
        {
            if (!TryEscapedChar(json, i, out var escaped))
            {
                i += 2;
                continue;
            }

            if (char.IsHighSurrogate(escaped) && TryEscapedChar(json, i + 6, out var low) && char.IsLowSurrogate(low))
            {
                i += 12;
                continue;
            }

            if (char.IsSurrogate(escaped))
                return true;

            i += 6;
        }

        return false;
    }

    private static bool TryEscapedChar(string json, int at, out char escaped)
    {
        escaped = default;
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u'
            || !ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            return false;

        escaped = (char)code;
        return true;
    }
}
