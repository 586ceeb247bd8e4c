using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

/// <summary>
/// Strict JSON (RFC 8259) for everything QFPay sends, notifications and answers alike: Newtonsoft's reader, plus what
/// strict JSON requires of each token's raw text (the text since the previous token, found by line and position). The
/// reader alone forgives comments, single quotes, trailing commas, NaN, octal and hex numbers and raw control
/// characters, and turns an escaped lone surrogate into U+FFFD; a body with any of them is not QFPay's and is read as
/// malformed, never guessed at (<c>0123</c> would otherwise be read as the octal 83).
/// </summary>
internal sealed partial class StrictJsonReader
{
    /// <summary>QFPay's bodies are flat (depth 1, a query's <c>data</c> depth 3); anything deeper is not QFPay.</summary>
    public const int MaxDepth = 16;

    private const string JsonWhitespace = " \t\n\r";

    private readonly string _json;
    private readonly bool _hasInvalidBytes;
    private readonly List<int> _lineStarts = [0];
    private readonly JsonTextReader _reader;
    private int _end;

    public StrictJsonReader(string json, bool hasInvalidBytes)
    {
        _json = json;
        _hasInvalidBytes = hasInvalidBytes;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == '\n' || (json[i] == '\r' && (i + 1 == json.Length || json[i + 1] != '\n')))
                _lineStarts.Add(i + 1);
        }

        _reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = MaxDepth,
        };
    }

    /// <summary>True when <paramref name="json"/> is one strict JSON value and nothing else.</summary>
    public static bool IsStrict(string json)
    {
        var reader = new StrictJsonReader(json, hasInvalidBytes: false);
        try
        {
            reader.Next();
            reader.SkipValue();
            reader.End();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    public JsonToken Token => _reader.TokenType;

    /// <summary>A name's or scalar's text: unescaped strings, literal numbers, true/false; null for JSON null.</summary>
    public string? Text { get; private set; }

    /// <summary>False when the name or string is not valid Unicode.</summary>
    public bool IsText { get; private set; }

    /// <summary>True when the name or string escapes half a surrogate pair.</summary>
    public bool HasLoneSurrogate { get; private set; }

    public void Next()
    {
        if (!_reader.Read())
            throw Invalid("the body ends early");

        var start = _end;
        _end = _lineStarts[_reader.LineNumber - 1] + _reader.LinePosition;
        var raw = _json.AsSpan(start, _end - start);
        var gap = raw.Length - raw.TrimStart(JsonWhitespace + ",").Length;
        if (Token is JsonToken.EndObject or JsonToken.EndArray && raw[..gap].Contains(','))
            throw Invalid("a trailing comma");

        var token = raw[gap..];
        if (Token == JsonToken.PropertyName)
            token = token.TrimEnd(':').TrimEnd(JsonWhitespace);

        (Text, IsText, HasLoneSurrogate) = (null, true, false);
        switch (Token)
        {
            case JsonToken.StartObject or JsonToken.EndObject or JsonToken.StartArray or JsonToken.EndArray when token.Length == 1:
                break;
            case JsonToken.PropertyName or JsonToken.String when IsStringLiteral(token):
                Text = (string)_reader.Value!;
                HasLoneSurrogate = HasEscapedLoneSurrogate(token);
                IsText = !HasLoneSurrogate && !(_hasInvalidBytes && token.Contains('\uFFFD'));
                break;
            case JsonToken.Integer or JsonToken.Float when JsonNumber().IsMatch(token):
                Text = token.ToString();
                break;
            case JsonToken.Boolean when token is "true" or "false":
                Text = token.ToString();
                break;
            case JsonToken.Null when token is "null":
                break;
            default:
                throw Invalid($"{Token} '{token}' is not strict JSON");
        }
    }

    /// <summary>Moves past the object or array just started (or the scalar just read), checking what is inside.</summary>
    public void SkipValue()
    {
        var depth = Token is JsonToken.StartObject or JsonToken.StartArray ? 1 : 0;
        while (depth > 0)
        {
            Next();
            if (Token is JsonToken.StartObject or JsonToken.StartArray)
                depth++;
            else if (Token is JsonToken.EndObject or JsonToken.EndArray)
                depth--;
        }
    }

    /// <summary>Only whitespace may follow the value.</summary>
    public void End()
    {
        if (_reader.Read() || _json.AsSpan(_end).TrimStart(JsonWhitespace).Length > 0)
            throw Invalid("more than one value");
    }

    private static bool IsStringLiteral(ReadOnlySpan<char> token)
    {
        if (token.Length < 2 || token[0] != '"' || token[^1] != '"')
            return false;

        foreach (var c in token)
        {
            if (c < ' ')
                return false;
        }

        return true;
    }

    // An escaped high surrogate not followed by an escaped low one, or a low one alone.
    private static bool HasEscapedLoneSurrogate(ReadOnlySpan<char> literal)
    {
        for (var i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] != '\\')
                continue;

            i++;
            if (literal[i] != 'u')
                continue;

            var unit = EscapedUnit(literal, i);
            i += 4;
            if (char.IsLowSurrogate(unit))
                return true;

            if (!char.IsHighSurrogate(unit))
                continue;

            if (i + 6 < literal.Length && literal[i + 1] == '\\' && literal[i + 2] == 'u' && char.IsLowSurrogate(EscapedUnit(literal, i + 2)))
                i += 6;
            else
                return true;
        }

        return false;
    }

    private static char EscapedUnit(ReadOnlySpan<char> literal, int u) =>
        (char)ushort.Parse(literal.Slice(u + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private JsonReaderException Invalid(string what) => new($"Not strict JSON: {what} (line {_reader.LineNumber}, position {_reader.LinePosition}).");
}
