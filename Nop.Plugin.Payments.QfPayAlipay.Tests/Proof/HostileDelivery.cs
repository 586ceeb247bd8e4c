namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

/// <summary>One request an attacker (or a broken proxy) could send to the notification route.</summary>
/// <param name="Kind">What family it belongs to, for the printed counts and failure messages.</param>
/// <param name="Signatures">X-QF-SIGN values: none, one, or several (a duplicated header).</param>
/// <param name="ContentType">null sends no Content-Type.</param>
/// <param name="IsGenuineReplay">A byte-for-byte copy of a notification QFPay really signed: its outcome is documented, not a refusal.</param>
public sealed record HostileDelivery(
    string Kind,
    string Method,
    byte[] Body,
    IReadOnlyList<string> Signatures,
    string? ContentType,
    bool IsGenuineReplay = false);
