namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

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
