namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>Why a call produced no usable QFPay answer; <see cref="None"/> when QFPay answered.</summary>
public enum QfPayProblem
{
    None,

    /// <summary>Rejected before sending (bad account, field or URL); nothing reached QFPay.</summary>
    InvalidRequest,

    /// <summary>No answer within the timeout (API.md §2.4).</summary>
    Timeout,

    /// <summary>Connection refused, reset or dropped.</summary>
    NetworkError,

    /// <summary>HTTP 429 (API.md §1.5).</summary>
    RateLimited,

    /// <summary>HTTP 5xx.</summary>
    ServerError,

    /// <summary>Another HTTP status without a readable <c>respcd</c>.</summary>
    UnexpectedHttpStatus,

    /// <summary>Not a JSON object, no <c>respcd</c>, or a <c>0000</c> missing what makes it usable.</summary>
    MalformedResponse,
}

public static class QfPayProblems
{
    public const string MessageKeyPrefix = "Plugins.Payments.QfPayAlipay.Problems.";

    /// <summary>Locale resource key, e.g. <c>Plugins.Payments.QfPayAlipay.Problems.Timeout</c>.</summary>
    public static string MessageKey(this QfPayProblem problem) => MessageKeyPrefix + problem;
}
