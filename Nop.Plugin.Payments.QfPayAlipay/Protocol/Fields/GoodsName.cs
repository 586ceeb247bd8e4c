using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>
/// Builds <c>goods_name</c>, the item text the payer sees in the wallet: at most 20 characters without
/// special characters, at most 64 bytes (docs/qfpay-protocol.md §4.2, §4.3).
/// </summary>
public static partial class GoodsName
{
    /// <summary>"At most 20 characters" (docs/qfpay-protocol.md §4.3), counted as user-perceived characters.</summary>
    public const int MaxCharacters = 20;

    /// <summary>String(64) (docs/qfpay-protocol.md §4.2): 20 CJK characters fit, 20 emoji sequences may not.</summary>
    public const int MaxUtf8Bytes = 64;

    public const string OrderNumberPlaceholder = "OrderNumber";

    public const string DefaultTemplate = "Order {" + OrderNumberPlaceholder + "}";

    // §4.3 forbids "special characters" without listing them; these are the ones that break naive
    // form encoders on either side (& = + %), start URL parts (# ?) or markup (" ' < > \).
    private const string ForbiddenCharacters = "&=+%#?\"'<>\\";

    /// <summary>
    /// Fills <paramref name="template"/>'s <c>{Name}</c> placeholders (names compared case-insensitively)
    /// from <paramref name="values"/>, then <see cref="Clean"/>s the result. Unknown placeholders stay as
    /// written so that a typo in the admin's template is visible instead of silently blank.
    /// </summary>
    /// <returns>The goods name, or null when nothing printable is left (then send no goods_name at all,
    /// docs/qfpay-protocol.md §11.3, and QFPay shows the merchant name instead, §4.2).</returns>
    public static string? Render(string? template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(template))
            template = DefaultTemplate;

        var lookup = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        var filled = Placeholder().Replace(template, match =>
            lookup.TryGetValue(match.Groups["name"].Value, out var value) ? value ?? string.Empty : match.Value);

        return Clean(filled);
    }

    /// <summary>Shorthand for the only value the plugin has today.</summary>
    public static string? ForOrder(string? template, string orderNumber) =>
        Render(template, new Dictionary<string, string?> { [OrderNumberPlaceholder] = orderNumber });

    /// <summary>
    /// Strips forbidden and control characters, collapses whitespace, trims, and cuts to
    /// <see cref="MaxCharacters"/> text elements and <see cref="MaxUtf8Bytes"/> bytes without ever
    /// splitting a character (surrogate pairs, emoji sequences and combining marks stay whole).
    /// Idempotent: cleaning a cleaned name changes nothing.
    /// </summary>
    /// <returns>The cleaned text, or null when nothing is left.</returns>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                AppendPendingSpace(builder, ref pendingSpace);
                builder.Append(c).Append(text[++i]);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            // Unpaired surrogates would be hashed as U+FFFD by UTF-8 encoders and control characters are
            // invisible; neither belongs in a text a wallet displays.
            if (char.IsSurrogate(c) || char.IsControl(c) || ForbiddenCharacters.Contains(c))
                continue;

            AppendPendingSpace(builder, ref pendingSpace);
            builder.Append(c);
        }

        var cut = CutToLimits(builder.ToString());
        return cut.Length == 0 ? null : cut;
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace && builder.Length > 0)
            builder.Append(' ');
        pendingSpace = false;
    }

    private static string CutToLimits(string text)
    {
        var result = new StringBuilder();
        var characters = 0;
        var bytes = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && characters < MaxCharacters)
        {
            var element = elements.GetTextElement();
            var elementBytes = Encoding.UTF8.GetByteCount(element);
            if (bytes + elementBytes > MaxUtf8Bytes)
                break;

            result.Append(element);
            characters++;
            bytes += elementBytes;
        }

        // A cut may end right after a space (§11.3: never send trailing spaces).
        return result.ToString().TrimEnd();
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// A value from a QFPay body, made fit for an order note, a log line or a column: printable ASCII only, trimmed and
/// cut short. Even a verified body may carry text a database refuses (a NUL); written as it came, it would turn a
/// note about the body into a failure that QFPay retries for a day.
/// </summary>
public static class PrintableText
{
    public const string Unreadable = "(unreadable)";

    public static string Of(string? value, int maxLength = 32)
    {
        var printable = new string([.. (value ?? string.Empty).Trim().Where(static c => c is >= ' ' and <= '~').Take(maxLength)]);
        return printable.Length == 0 ? Unreadable : printable;
    }
}
