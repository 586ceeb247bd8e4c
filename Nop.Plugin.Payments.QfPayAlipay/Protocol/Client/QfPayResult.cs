using System.Diagnostics.CodeAnalysis;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// The outcome of one QFPay call. Failures are returned, not thrown: declined payments, pending orders,
/// timeouts and rate limits are all normal here. Only the caller's own cancellation throws.
/// </summary>
public sealed record QfPayResult<T> where T : class
{
    public required QfPayOutcome Outcome { get; init; }

    /// <summary>Why there is no usable answer; <see cref="QfPayProblem.None"/> when QFPay answered.</summary>
    public QfPayProblem Problem { get; init; }

    /// <summary>QFPay's answer, whenever one could be read (also for non-success codes); always set on success.</summary>
    public T? Response { get; init; }

    /// <summary>The raw <c>respcd</c>, kept even when it is not in the code table.</summary>
    public string? ResponseCode { get; init; }

    /// <summary>QFPay's <c>respmsg</c> (or <c>resperr</c>), or a description of the problem. No secrets.</summary>
    public string? Message { get; init; }

    /// <summary>Locale resource key for shopper/admin text.</summary>
    public required string MessageKey { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>Type name of the exception behind a timeout or network error (e.g. <c>HttpRequestException</c>).</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The request as sent, redacted; null when nothing was sent.</summary>
    public QfPayRequestSummary? Request { get; init; }

    [MemberNotNullWhen(true, nameof(Response))]
    public bool IsSuccess => Outcome == QfPayOutcome.Success && Response is not null;

    /// <summary>The state is unknown or not final: query before doing anything else (never resend a creation).</summary>
    public bool RequiresQuery => Outcome is QfPayOutcome.InProgress or QfPayOutcome.Unknown;

    public QfPayException ToException() =>
        new(Problem == QfPayProblem.None ? "QFPay did not accept the request." : "QFPay call failed.", Outcome, Problem, ResponseCode, Message, HttpStatus, Request);

    /// <summary>The response when <see cref="IsSuccess"/>, otherwise throws <see cref="QfPayException"/>.</summary>
    public T EnsureSuccess() => IsSuccess ? Response : throw ToException();
}
