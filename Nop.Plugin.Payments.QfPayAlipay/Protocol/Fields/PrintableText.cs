namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

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
