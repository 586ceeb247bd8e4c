using System.Globalization;
using System.Text;

namespace QfPaySimulator;

/// <summary>
/// Writes a flat string-to-string object exactly like Python's <c>json.dumps</c> with default arguments, which is
/// how QFPay lays out the notification body it signs (docs/qfpay-protocol.md §6.3, vectors N1 and N2): <c>", "</c> and <c>": "</c>
/// separators, every character outside printable ASCII escaped as lower-case <c>\uXXXX</c> (a character outside
/// the BMP as its two UTF-16 surrogates), <c>"</c> and <c>\</c> escaped, and the short escapes
/// <c>\b \f \n \r \t</c> for those control characters.
/// </summary>
public static class NotificationBodyFormatter
{
    public static string Format(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        var body = new StringBuilder("{");
        var first = true;
        foreach (var (name, value) in fields)
        {
            if (!first)
                body.Append(", ");
            first = false;

            AppendString(body, name);
            body.Append(": ");
            AppendString(body, value);
        }

        return body.Append('}').ToString();
    }

    private static void AppendString(StringBuilder body, string text)
    {
        body.Append('"');
        // Iterating UTF-16 code units gives Python's surrogate-pair output for astral characters for free.
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': body.Append("\\\""); break;
                case '\\': body.Append("\\\\"); break;
                case '\b': body.Append("\\b"); break;
                case '\f': body.Append("\\f"); break;
                case '\n': body.Append("\\n"); break;
                case '\r': body.Append("\\r"); break;
                case '\t': body.Append("\\t"); break;
                default:
                    // Python's ensure_ascii escapes everything outside ' '..'~', DEL (0x7F) included.
                    if (c < ' ' || c > '~')
                        body.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        body.Append(c);
                    break;
            }
        }

        body.Append('"');
    }
}
