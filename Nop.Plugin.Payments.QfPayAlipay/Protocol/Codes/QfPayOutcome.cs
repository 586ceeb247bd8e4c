namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

/// <summary>What a QFPay answer means for the caller's next step (API.md §5).</summary>
public enum QfPayOutcome
{
    /// <summary><c>0000</c>. For payment creation: the link exists, not "paid" (API.md §4.5, §11.1).</summary>
    Success,

    /// <summary>
    /// Not final, or may have taken effect: resolve with a query before doing anything else, and never
    /// resend the operation (e.g. 1143, 1145, duplicate 1102, system error 1252; API.md §5.2).
    /// </summary>
    InProgress,

    /// <summary>Nothing was done and trying again later is safe (maintenance, refund window, channel busy).</summary>
    Retryable,

    /// <summary>Final for this operation (bad signature, closed order, over-refund...).</summary>
    Failed,

    /// <summary>
    /// Nobody knows what happened: timeout, network error, HTTP 429/5xx, an unreadable answer, or an
    /// unknown code answering a payment or refund creation (API.md §2.4, §5.2 last rows). Resolve with a
    /// query by <c>out_trade_no</c>; never resend automatically (§11.11).
    /// </summary>
    Unknown,
}
