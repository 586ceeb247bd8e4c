using System.Diagnostics.CodeAnalysis;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>How an <c>alipay.system.oauth.token</c> exchange ended.</summary>
public enum AlipayOAuthOutcome
{
    /// <summary>Alipay's signed answer names the shopper's user id: use it as QFPay's <c>openid</c> (API.md §10.1).</summary>
    Success,

    /// <summary>
    /// The code is unknown, used or expired (<c>isv.code-invalid</c>), or the callback carried none. Codes are
    /// one-time (API.md §10.2 step 3): start the silent authorisation again rather than retrying.
    /// </summary>
    InvalidAuthCode,

    /// <summary>Alipay refused the call for another reason (see <see cref="AlipayOAuthResult.SubCode"/>): usually configuration.</summary>
    Rejected,

    /// <summary>
    /// The answer's signature does not verify with Alipay's public key, or a success came unsigned: forged, altered, or
    /// the wrong Alipay public key is configured. Nothing in it is used.
    /// </summary>
    ResponseSignatureInvalid,

    /// <summary>
    /// A verified success without a usable <c>user_id</c>, e.g. only Alipay's app-scoped <c>open_id</c>, which QFPay may
    /// not accept as <c>openid</c> (API.md §10.2, §13 item 11).
    /// </summary>
    NoUserId,

    /// <summary>Unreadable: not JSON, no response member, an unexpected HTTP status.</summary>
    MalformedResponse,

    /// <summary>
    /// No answer: timeout, network error, HTTP 5xx or 429. Worth another go, but the code may already be spent, in which
    /// case the retry says <see cref="InvalidAuthCode"/> and the authorisation starts again.
    /// </summary>
    Transient,

    /// <summary>The app settings or the code are unusable; nothing was sent.</summary>
    InvalidRequest,
}

/// <summary>Why a <see cref="AlipayOAuthOutcome.Transient"/> exchange got no answer.</summary>
public enum AlipayTransportProblem
{
    None,
    Timeout,
    NetworkError,
    ServerError,
}

/// <summary>
/// The outcome of trading an <c>auth_code</c> for the shopper's user id. Returned, not thrown: invalid codes and
/// timeouts are normal. Only the caller's own cancellation throws.
/// </summary>
/// <remarks>
/// The access token in Alipay's answer is deliberately not kept: <c>auth_base</c> is only for the user id, and a token
/// nobody uses would only be one more secret to guard.
/// </remarks>
public sealed record AlipayOAuthResult
{
    public required AlipayOAuthOutcome Outcome { get; init; }

    /// <summary>The <c>2088...</c> user id QFPay calls <c>openid</c>; set on success only.</summary>
    public string? UserId { get; init; }

    /// <summary>Alipay's app-scoped <c>open_id</c>, when the verified answer had one.</summary>
    public string? OpenId { get; init; }

    /// <summary>Alipay's <c>code</c>, e.g. <c>40002</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Alipay's <c>sub_code</c>, e.g. <c>isv.code-invalid</c>.</summary>
    public string? SubCode { get; init; }

    /// <summary>Alipay's <c>msg</c> and <c>sub_msg</c>, or a description of the problem. Never a key or a code.</summary>
    public string? Message { get; init; }

    public AlipayTransportProblem TransportProblem { get; init; }

    public int? HttpStatus { get; init; }

    [MemberNotNullWhen(true, nameof(UserId))]
    public bool IsSuccess => Outcome == AlipayOAuthOutcome.Success && UserId is not null;

    public bool IsTransient => Outcome == AlipayOAuthOutcome.Transient;

    internal static AlipayOAuthResult Failure(AlipayOAuthOutcome outcome, string message, int? httpStatus = null) =>
        new() { Outcome = outcome, Message = message, HttpStatus = httpStatus };

    internal static AlipayOAuthResult Transport(AlipayTransportProblem problem, string message, int? httpStatus = null) =>
        new() { Outcome = AlipayOAuthOutcome.Transient, TransportProblem = problem, Message = message, HttpStatus = httpStatus };
}
