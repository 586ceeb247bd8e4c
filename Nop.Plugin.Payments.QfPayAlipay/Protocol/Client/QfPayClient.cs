using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// QFPay's payment, query and refund calls over a typed <see cref="HttpClient"/>
/// (<c>services.AddHttpClient&lt;QfPayClient&gt;()</c>). Stateless: the merchant account comes with every
/// call, so one instance serves every store.
/// </summary>
/// <remarks>
/// Every call is sent exactly once. Timeouts, network errors, HTTP 429/5xx and unreadable answers come
/// back as <see cref="QfPayOutcome.Unknown"/>; for a payment or refund that means "may have happened":
/// query by its <c>out_trade_no</c> before anything else, never resend it (docs/qfpay-protocol.md §2.4, §5.2, §8.2, §11.11).
/// Only the caller's own cancellation throws (<see cref="OperationCanceledException"/>).
/// </remarks>
public sealed class QfPayClient
{
    private readonly QfPayTransport _transport;
    private readonly TimeProvider _timeProvider;

    /// <param name="httpClient">From IHttpClientFactory; its BaseAddress is not used (the account says where to go).</param>
    /// <param name="timeProvider">Clock for <c>txdtm</c>; the system clock when null.</param>
    public QfPayClient(HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _transport = new QfPayTransport(httpClient);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary><c>POST /trade/v1/payment</c> (docs/qfpay-protocol.md §4).</summary>
    public async Task<QfPayResult<PaymentResponse>> CreatePaymentAsync(QfPayAccount account, PaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (account?.Validate() is { } accountError)
            return ResponseInterpreter.InvalidRequest<PaymentResponse>(accountError);

        var form = request.BuildForm(account!, QfPayTime.Txdtm(_timeProvider));
        if (!form.IsValid)
            return ResponseInterpreter.InvalidRequest<PaymentResponse>(form.Error);

        var exchange = await _transport.PostAsync(account!, QfPayEndpoints.PaymentPath, form.Value, account!.Timeouts.Payment, cancellationToken).ConfigureAwait(false);
        return ResponseInterpreter.Interpret(exchange, QfPayOperation.CreatePayment, PaymentResponse.Read, PaymentResponse.Read,
            response => UnusablePayment(request, response));
    }

    /// <summary>
    /// <c>POST /trade/v1/query</c> (docs/qfpay-protocol.md §7). Sends one request per month window (see
    /// <see cref="QueryRequest"/>); any failed window fails the whole query, so "no records" is only ever
    /// reported after every month was searched.
    /// </summary>
    public async Task<QfPayResult<QueryResponse>> QueryAsync(QfPayAccount account, QueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (account?.Validate() is { } accountError)
            return ResponseInterpreter.InvalidRequest<QueryResponse>(accountError);

        var forms = request.BuildForms(account!);
        if (!forms.IsValid)
            return ResponseInterpreter.InvalidRequest<QueryResponse>(forms.Error);

        QfPayResult<QueryResponse>? merged = null;
        foreach (var form in forms.Value)
        {
            var exchange = await _transport.PostAsync(account!, QfPayEndpoints.QueryPath, form, account!.Timeouts.Query, cancellationToken).ConfigureAwait(false);
            var result = ResponseInterpreter.Interpret(exchange, QfPayOperation.Query, QueryResponse.Read, QueryResponse.ReadLenient, static _ => null);
            if (!result.IsSuccess)
                return result;

            merged = merged is null ? result : result with { Response = merged.Response!.MergeWith(result.Response) };
        }

        return merged!;
    }

    /// <summary><c>POST /trade/v1/refund</c> (docs/qfpay-protocol.md §8.1).</summary>
    public async Task<QfPayResult<RefundResponse>> RefundAsync(QfPayAccount account, RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (account?.Validate() is { } accountError)
            return ResponseInterpreter.InvalidRequest<RefundResponse>(accountError);

        var form = request.BuildForm(account!, QfPayTime.Txdtm(_timeProvider));
        if (!form.IsValid)
            return ResponseInterpreter.InvalidRequest<RefundResponse>(form.Error);

        var exchange = await _transport.PostAsync(account!, QfPayEndpoints.RefundPath, form.Value, account!.Timeouts.Refund, cancellationToken).ConfigureAwait(false);
        return ResponseInterpreter.Interpret(exchange, QfPayOperation.CreateRefund, RefundResponse.Read, RefundResponse.Read,
            response => EchoMismatch(request.OutTradeNo, response.OutTradeNo));
    }

    private static string? UnusablePayment(PaymentRequest request, PaymentResponse response)
    {
        if (EchoMismatch(request.OutTradeNo, response.OutTradeNo) is { } mismatch)
            return mismatch;

        // 800107 documents pay_params.tradeNO, but its sample shows pay_url (docs/qfpay-protocol.md §12 C5): accept either.
        if (request.PayType.UsesPayUrl() ? response.PayUrl is null : response.TradeNo is null && response.PayUrl is null)
        {
            return request.PayType.UsesPayUrl()
                ? "QFPay answered 0000 without pay_url, so the shopper cannot be sent to pay."
                : "QFPay answered 0000 without pay_params.tradeNO, so Alipay's cashier cannot be opened.";
        }

        return null;
    }

    // An answer about another number is not an answer to this request.
    private static string? EchoMismatch(string sent, string? echoed) =>
        echoed is not null && !string.Equals(echoed, sent.Trim(), StringComparison.Ordinal)
            ? "QFPay's answer names a different out_trade_no than the one sent."
            : null;
}

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

/// <summary>Why a call produced no usable QFPay answer; <see cref="None"/> when QFPay answered.</summary>
public enum QfPayProblem
{
    None,

    /// <summary>Rejected before sending (bad account, field or URL); nothing reached QFPay.</summary>
    InvalidRequest,

    /// <summary>No answer within the timeout (docs/qfpay-protocol.md §2.4).</summary>
    Timeout,

    /// <summary>Connection refused, reset or dropped.</summary>
    NetworkError,

    /// <summary>HTTP 429 (docs/qfpay-protocol.md §1.5).</summary>
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

/// <summary>
/// The one exception type for QFPay protocol failures, for callers that prefer throwing to inspecting a
/// <see cref="QfPayResult{T}"/> (see <see cref="QfPayResult{T}.ToException"/>). It carries the code,
/// message, HTTP status and the redacted request; its message never contains the key or the signature.
/// </summary>
public sealed class QfPayException : Exception
{
    public QfPayException(string message, QfPayOutcome outcome, QfPayProblem problem = QfPayProblem.None, string? responseCode = null,
        string? responseMessage = null, int? httpStatus = null, QfPayRequestSummary? request = null, Exception? innerException = null)
        : base(Describe(message, outcome, problem, responseCode, responseMessage, httpStatus, request), innerException)
    {
        Outcome = outcome;
        Problem = problem;
        ResponseCode = responseCode;
        ResponseMessage = responseMessage;
        HttpStatus = httpStatus;
        Request = request;
    }

    public QfPayOutcome Outcome { get; }

    public QfPayProblem Problem { get; }

    /// <summary>The raw <c>respcd</c>, when QFPay answered with one.</summary>
    public string? ResponseCode { get; }

    public string? ResponseMessage { get; }

    public int? HttpStatus { get; }

    /// <summary>The request, already redacted.</summary>
    public QfPayRequestSummary? Request { get; }

    private static string Describe(string message, QfPayOutcome outcome, QfPayProblem problem, string? responseCode,
        string? responseMessage, int? httpStatus, QfPayRequestSummary? request)
    {
        var text = new StringBuilder(message);
        text.Append(" (outcome ").Append(outcome);
        if (problem != QfPayProblem.None)
            text.Append(", problem ").Append(problem);
        if (responseCode is not null)
            text.Append(", respcd ").Append(responseCode);
        if (!string.IsNullOrWhiteSpace(responseMessage))
            text.Append(", respmsg '").Append(responseMessage).Append('\'');
        if (httpStatus is not null)
            text.Append(", HTTP ").Append(httpStatus.Value.ToString(CultureInfo.InvariantCulture));
        text.Append(')');
        if (request is not null)
            text.Append("; request: ").Append(request);
        return text.ToString();
    }
}
