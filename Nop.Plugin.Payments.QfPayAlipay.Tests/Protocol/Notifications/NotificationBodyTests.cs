using System.Text;
using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Notifications;

/// <summary>
/// The notification body reader (Newtonsoft.Json, strict) must read exactly what lookups by name in a JsonDocument read
/// (the parser's rule before it used Newtonsoft): same shape, same values, same verdict on text that is not Unicode.
/// </summary>
public class NotificationBodyTests
{
    private const int Seed = 20261125;

    /// <summary>The body fields the parser reads by name (docs/qfpay-protocol.md §6.4).</summary>
    private static readonly string[] KnownNames =
    [
        "notify_type", "out_trade_no", "syssn", "txamt", "txcurrcd", "status", "respcd", "orig_syssn", "origssn", "cash_refund_fee",
        "cash_refund_fee_type", "pay_type", "cancel", "txdtm", "sysdtm", "paydtm", "chnlsn", "goods_name", "mchid", "cash_fee",
        "cash_fee_type", "exchange_rate",
    ];

    /// <summary>What the parser read with before: a JsonDocument no deeper than QFPay's bodies.</summary>
    private static readonly JsonDocumentOptions ReferenceOptions = new() { MaxDepth = 16 };

    [Test]
    public void Both_notification_vectors_read_as_lookups_by_name_read_them()
    {
        foreach (var vector in NotificationVector.Load())
            AssertReadsAsLookupsByName(vector.BodyBytes);
    }

    [TestCase("{\"out_trade_no\": \"A-1\", \"out_trade_no\": \"A-2\"}", TestName = "A repeated named field")]
    [TestCase("{\"out\\u005ftrade_no\": \"A-1\", \"txamt\": 5}", TestName = "An escaped name")]
    [TestCase("{\"x\": 1, \"x\": 2, \"txamt\": \" 12800 \"}", TestName = "A repeated unknown field")]
    [TestCase("{\"txamt\": {\"a\": \"\\ud800\"}, \"syssn\": [1, \"\\ud800\"]}", TestName = "Named fields holding objects and arrays")]
    [TestCase("{\"goods_name\": \"\\u6e2c\\u8a66\", \"txamt\": 12800, \"cancel\": false, \"status\": true, \"mchid\": null}", TestName = "Escapes, numbers, booleans, null")]
    [TestCase("{\"comment\": \"\\ud800\", \"txamt\": \"1\"}", TestName = "A lone surrogate in an unknown field")]
    [TestCase("{\"syssn\": \"\\udc00x\"}", TestName = "A lone surrogate in a named field")]
    [TestCase("  {\"txamt\": \"   \", \"status\": \"\"}  \r\n", TestName = "Blank values and surrounding whitespace")]
    [TestCase("[1, 2]", TestName = "An array")]
    [TestCase("\"payment\"", TestName = "A string")]
    [TestCase("null", TestName = "Null")]
    [TestCase("{\"txamt\": 1} {\"txamt\": 2}", TestName = "Two objects")]
    [TestCase("{\"txamt\": 1,}", TestName = "A trailing comma")]
    [TestCase("{\"txamt\": 1 /* c */}", TestName = "A comment")]
    [TestCase("{\"txamt\": ", TestName = "A truncated object")]
    [TestCase("", TestName = "Nothing")]
    public void Unusual_bodies_read_as_lookups_by_name_read_them(string body)
    {
        AssertReadsAsLookupsByName(Encoding.UTF8.GetBytes(body));
    }

    [Test]
    public void Invalid_utf8_in_names_and_values_reads_as_lookups_by_name_read_it()
    {
        var invalid = new byte[] { 0xC3, 0x28, 0xFF };
        byte[] Splice(string before, string after) => [.. Encoding.UTF8.GetBytes(before), .. invalid, .. Encoding.UTF8.GetBytes(after)];

        AssertReadsAsLookupsByName(Splice("{\"out_trade_no\": \"A-1\", \"note\": \"", "\"}"));
        AssertReadsAsLookupsByName(Splice("{\"out_trade_no\": \"A-1\", \"no", "te\": 1}"));
        AssertReadsAsLookupsByName(Splice("{\"out_trade_no\": \"A-", "1\"}"));
        AssertReadsAsLookupsByName(Splice("{\"out_trade_no\": \"A-1\", \"nested\": [\"", "\"]}"));
    }

    [Test]
    public void A_body_with_more_names_than_any_notification_reads_as_lookups_by_name_read_it()
    {
        var names = string.Join(", ", Enumerable.Range(0, 80).Select(static i => $"\"f{i}\": {i}"));

        AssertReadsAsLookupsByName(Encoding.UTF8.GetBytes("{" + names + ", \"txamt\": \"12800\", \"f3\": \"\\ud800\"}"));
        AssertReadsAsLookupsByName(Encoding.UTF8.GetBytes("{" + names + ", \"txamt\": \"12800\"}"));
    }

    [Test]
    public void Nesting_deeper_than_the_document_limit_is_not_json()
    {
        var deep = Encoding.UTF8.GetBytes("{\"a\": " + new string('[', 40) + new string(']', 40) + "}");

        var fields = NotificationBody.Read(deep);

        Assert.That(fields.Shape, Is.EqualTo(NotificationBodyShape.NotJson));
    }

    [Test]
    public void Two_thousand_generated_bodies_read_as_lookups_by_name_read_them()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 2_000; i++)
        {
            var body = GeneratedBody(random);
            AssertReadsAsLookupsByName(body, $"body {i} of seed {Seed}: {Encoding.UTF8.GetString(body)}");
        }
    }

    private static void AssertReadsAsLookupsByName(byte[] body, string? because = null)
    {
        var expected = ReadByLookups(body);
        var actual = NotificationBody.Read(body);

        Assert.Multiple(() =>
        {
            Assert.That(actual.Shape, Is.EqualTo(expected.Shape), because);
            if (expected.Shape != NotificationBodyShape.Object)
                return;

            Assert.That(actual.HasInvalidText, Is.EqualTo(expected.HasInvalidText), because);

            // A body with text that is not Unicode is refused whole: its values are never used, and which ones
            // JsonDocument still finds by name next to a lone surrogate is its own quirk.
            if (expected.HasInvalidText)
                return;

            foreach (var name in KnownNames)
                Assert.That(actual[name], Is.EqualTo(expected.Values[name]), $"{name}; {because}");
        });
    }

    /// <summary>The reference: JsonDocument, lookups by name, every scalar's text checked.</summary>
    private static (NotificationBodyShape Shape, bool HasInvalidText, Dictionary<string, string?> Values) ReadByLookups(byte[] body)
    {
        var values = new Dictionary<string, string?>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ReferenceOptions);
        }
        catch (JsonException)
        {
            return (NotificationBodyShape.NotJson, false, values);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (NotificationBodyShape.NotAnObject, false, values);

            var invalid = false;
            foreach (var name in KnownNames)
            {
                try
                {
                    var text = Text(root, name);
                    values[name] = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
                }
                catch (InvalidOperationException)
                {
                    values[name] = null;
                    invalid = true;
                }
            }

            try
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                        _ = Text(root, property.Name);
                }
            }
            catch (InvalidOperationException)
            {
                invalid = true;
            }

            return (NotificationBodyShape.Object, invalid, values);
        }
    }

    /// <summary>A field's text: strings as they are, numbers by their literal digits, booleans as true/false; null otherwise (the last of repeated names).</summary>
    private static string? Text(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
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

    private static byte[] GeneratedBody(Random random)
    {
        var text = new StringBuilder("{");
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(random.Next(4) == 0 ? " ,\n " : ",");
            text.Append('"').Append(Name(random)).Append("\":").Append(random.Next(2) == 0 ? " " : "").Append(Value(random, depth: 0));
        }

        text.Append('}');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return random.Next(10) switch
        {
            0 => bytes[..random.Next(bytes.Length + 1)],
            1 => Spliced(bytes, random, [0xC3, 0x28]),
            2 => Spliced(bytes, random, [0xFF]),
            _ => bytes,
        };
    }

    private static byte[] Spliced(byte[] bytes, Random random, byte[] insert)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private static string Name(Random random) => random.Next(8) switch
    {
        0 => "extra_" + random.Next(3),
        1 => EscapeFirst(KnownNames[random.Next(KnownNames.Length)]),
        2 => "\\ud800x",
        _ => KnownNames[random.Next(KnownNames.Length)],
    };

    private static string EscapeFirst(string name) => $"\\u{(int)name[0]:x4}{name[1..]}";

    private static string Value(Random random, int depth) => random.Next(depth < 3 ? 14 : 12) switch
    {
        0 => "\"\"",
        1 => "\"  \"",
        2 => "\" 12800 \"",
        3 => "12800",
        4 => "-1.5e3",
        5 => "true",
        6 => "false",
        7 => "null",
        8 => "\"\\u6e2c\\u8a66 \\\"quoted\\\"\"",
        9 => "\"\\ud800\"",
        10 => "\"2025-03-18 15:54:00\"",
        11 => "\"" + new string('x', random.Next(0, 40)) + "\"",
        12 => "[" + Value(random, depth + 1) + ", " + Value(random, depth + 1) + "]",
        _ => "{\"k\": " + Value(random, depth + 1) + "}",
    };
}
