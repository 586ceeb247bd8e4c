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
/// query by its <c>out_trade_no</c> before anything else, never resend it (API.md §2.4, §5.2, §8.2, §11.11).
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

    /// <summary><c>POST /trade/v1/payment</c> (API.md §4).</summary>
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
    /// <c>POST /trade/v1/query</c> (API.md §7). Sends one request per month window (see
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

    /// <summary><c>POST /trade/v1/refund</c> (API.md §8.1).</summary>
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

        // 800107 documents pay_params.tradeNO, but its sample shows pay_url (API.md §12 C5): accept either.
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
