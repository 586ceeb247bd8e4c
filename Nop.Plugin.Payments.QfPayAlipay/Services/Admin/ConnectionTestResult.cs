namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>What the admin is told after "Test connection".</summary>
public enum ConnectionTestOutcome
{
    /// <summary>QFPay answered respcd 0000: app code and key are accepted.</summary>
    CredentialsOk,

    /// <summary>respcd 1108: the signature did not verify.</summary>
    WrongKey,

    /// <summary>respcd 1105, 1106 or 1107: QFPay does not accept the app code.</summary>
    UnknownAppCode,

    /// <summary>No usable answer: timeout, network error, HTTP 429/5xx, or not QFPay at that address.</summary>
    Unreachable,

    /// <summary>QFPay answered with another code.</summary>
    OtherCode,

    /// <summary>Nothing was sent: the settings on the page are incomplete.</summary>
    NotConfigured,
}

/// <param name="MessageKey">Locale resource with composite-format placeholders for <paramref name="MessageArguments"/>.</param>
/// <param name="MessageArguments">Base URL, code, QFPay's message, HTTP status or exception type; never a secret.</param>
public sealed record ConnectionTestResult(ConnectionTestOutcome Outcome, string MessageKey, IReadOnlyList<string> MessageArguments)
{
    public bool Succeeded => Outcome == ConnectionTestOutcome.CredentialsOk;

    /// <summary>QFPay's respcd, when it answered with one.</summary>
    public string? ResponseCode { get; init; }
}
