using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>
/// Builds <c>out_trade_no</c> values. QFPay requires a number unique across every payment <b>and</b>
/// refund of the merchant account (docs/qfpay-protocol.md §4.2, §8.1), so each payment attempt and each refund gets its
/// own, and a retry after an unknown outcome never reuses a number it cannot prove dead (§11.10).
/// </summary>
/// <remarks>
/// Layout: payment <c>&lt;order&gt;-&lt;attempt&gt;-&lt;6 random&gt;</c>, refund
/// <c>&lt;order&gt;-R&lt;n&gt;-&lt;6 random&gt;</c>, e.g. <c>10025-1-7KQ2ZD</c> and <c>10025-R1-M3X9PA</c>.
/// The order number comes first so that staff can search QFPay's portal by it; the random tail keeps
/// numbers unique when two shops share one QFPay account, or a database is restored and attempts are
/// numbered again. Only <c>[A-Za-z0-9_-]</c> and at most 64 characters (QFPay allows 128, §4.3, but a
/// short ASCII number survives every portal, export and Alipay hand-off unchanged).
/// </remarks>
public static class OutTradeNumber
{
    public const int MaxLength = 64;

    /// <summary>Room left for the order number so any attempt or refund number still fits.</summary>
    public const int MaxOrderPartLength = 40;

    public const int RandomSuffixLength = 6;

    private const string RandomAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private const string FallbackOrderPart = "order";

    public static string ForPayment(string orderNumber, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return $"{SanitizeOrderNumber(orderNumber)}-{attempt}-{RandomSuffix()}";
    }

    public static string ForRefund(string orderNumber, int refundSequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(refundSequence, 1);
        return $"{SanitizeOrderNumber(orderNumber)}-R{refundSequence}-{RandomSuffix()}";
    }

    /// <summary>True for 1 to 64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
            return false;

        foreach (var c in value)
        {
            if (!IsAllowed(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// The order number reduced to allowed characters: every run of other characters becomes one
    /// <c>_</c>, and only the last <see cref="MaxOrderPartLength"/> characters are kept (the tail is what
    /// distinguishes sequential order numbers).
    /// </summary>
    public static string SanitizeOrderNumber(string orderNumber)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);

        var builder = new StringBuilder(orderNumber.Length);
        foreach (var c in orderNumber.Trim())
        {
            if (IsAllowed(c))
                builder.Append(c);
            else if (builder.Length == 0 || builder[^1] != '_')
                builder.Append('_');
        }

        var sanitized = builder.ToString();
        if (sanitized.Length > MaxOrderPartLength)
            sanitized = sanitized[^MaxOrderPartLength..];

        sanitized = sanitized.Trim('_', '-');
        return sanitized.Length == 0 ? FallbackOrderPart : sanitized;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static string RandomSuffix() => new(RandomNumberGenerator.GetItems<char>(RandomAlphabet, RandomSuffixLength));
}

/// <summary>
/// QFPay's own transaction number, <c>syssn</c>: documented as a string of at most 40 characters, in practice digits.
/// A value from outside is accepted as one only when it is 1 to <see cref="MaxLength"/> ASCII letters or digits, so
/// nothing else (control characters, NUL, text a database refuses) is ever looked up or stored as one.
/// </summary>
public static class TransactionNumber
{
    /// <summary>What the plugin's columns hold; QFPay's own limit is 40.</summary>
    public const int MaxLength = 64;

    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(char.IsAsciiLetterOrDigit);
}
