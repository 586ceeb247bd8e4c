using System.Text.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

/// <summary>
/// Reads QFPay's JSON the forgiving way: a value documented as a string may arrive as a JSON number
/// (samples print <c>respcd</c> and <c>txamt</c> both ways, API.md §5.1, §11.17), and unknown fields are
/// ignored (§6.1).
/// </summary>
internal static class TolerantJson
{
    /// <summary>QFPay bodies are flat (depth 1, query <c>data</c> depth 3); anything deeper is not QFPay.</summary>
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Parses <paramref name="utf8"/>; null when it is not valid JSON (or not valid UTF-8).</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The field as text: strings as they are, numbers by their literal digits (so <c>0000</c> written
    /// as a string and <c>12800</c> written as a number both read naturally), booleans as
    /// <c>true</c>/<c>false</c>; null for missing, null, object and array values.
    /// </summary>
    public static string? Text(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
            return null;

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>Like <see cref="Text"/>, but blank values read as null.</summary>
    public static string? NonEmptyText(JsonElement obj, string name)
    {
        var text = Text(obj, name);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>Every scalar field as text, for diagnostics and forward compatibility.</summary>
    public static IReadOnlyDictionary<string, string?> Scalars(JsonElement obj)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (obj.ValueKind != JsonValueKind.Object)
            return fields;

        foreach (var property in obj.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                fields[property.Name] = Text(obj, property.Name);
        }

        return fields;
    }
}
