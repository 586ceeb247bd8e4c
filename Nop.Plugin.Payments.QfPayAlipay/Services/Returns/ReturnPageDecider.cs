using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

/// <summary>
/// Decides the return page (return_url) and the problem page from the shop's own records, asking QFPay only when the
/// attempt is still open. Nothing in the query string is read: QFPay adds nothing documented to return_url and
/// anything Alipay adds is signed with a key the shop does not have (API.md §11.8). Nothing depends on the session or
/// the cart either, so it works after one-page checkout's 3-minute window and in a browser that lost its cookies
/// (PLUGIN-API.md §1.5).
/// </summary>
public class ReturnPageDecider
{
    /// <summary>
    /// The waiting page refreshes every few seconds; QFPay is asked at most this often per attempt, which keeps a
    /// forgotten tab far below QFPay's rate limit (API.md §1.5).
    /// </summary>
    public static readonly TimeSpan QueryInterval = TimeSpan.FromSeconds(4);

    private readonly IPaymentAttemptStore _attempts;
    private readonly IOrderService _orderService;
    private readonly PaymentStatusCheck _statusCheck;
    private readonly TimeProvider _timeProvider;

    public ReturnPageDecider(IPaymentAttemptStore attempts,
        IOrderService orderService,
        PaymentStatusCheck statusCheck,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _orderService = orderService;
        _statusCheck = statusCheck;
        _timeProvider = timeProvider;
    }

    /// <summary>The return page for <paramref name="outTradeNo"/> (untrusted input: only a lookup key).</summary>
    public virtual async Task<ReturnPageDecision> ForReturnAsync(string? outTradeNo, CancellationToken cancellationToken = default)
    {
        // Our numbers are short ASCII; anything else is not looked up at all.
        if (!Protocol.Fields.OutTradeNumber.IsValid(outTradeNo))
            return ReturnPageDecision.NotFound;

        var attempt = await _attempts.FindByOutTradeNoAsync(outTradeNo, cancellationToken);
        if (attempt is null)
            return ReturnPageDecision.NotFound;

        var order = await _orderService.GetOrderByIdAsync(attempt.OrderId);
        if (order is null || order.Deleted)
            return ReturnPageDecision.NotFound;

        // The order is what the shopper cares about: paid by this attempt or an earlier one, it is done.
        if (PaymentProblems.IsPaid(order))
            return Completed(order);

        if (!attempt.Status.IsFinal() && IsDueForQuery(attempt))
        {
            var check = await _statusCheck.CheckAsync(attempt, SettlementSource.ReturnPage, cancellationToken);
            if (check.State == PaymentCheckState.Paid)
            {
                order = await _orderService.GetOrderByIdAsync(attempt.OrderId) ?? order;
                if (PaymentProblems.IsPaid(order))
                    return Completed(order);
            }

            attempt = await _attempts.FindByOutTradeNoAsync(outTradeNo, cancellationToken) ?? attempt;
        }

        return attempt.Status.IsFinal() ? Problem(order, attempt) : Pending(order);
    }

    /// <summary>The problem page of an order (by its GUID, which is not guessable like an order number).</summary>
    public virtual async Task<ReturnPageDecision> ForProblemAsync(Guid orderGuid, CancellationToken cancellationToken = default)
    {
        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        if (order is null || order.Deleted)
            return ReturnPageDecision.NotFound;

        if (PaymentProblems.IsPaid(order))
            return Completed(order);

        // Money that arrived and was not applied says more than the latest attempt does.
        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        return Problem(order, attempts.LastOrDefault(static a => a.Status.HoldsMoney()) ?? attempts.LastOrDefault());
    }

    private bool IsDueForQuery(QfPayPaymentAttempt attempt) =>
        attempt.LastQueriedOnUtc is not { } last
        || _timeProvider.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(last, DateTimeKind.Utc) >= QueryInterval;

    private static ReturnPageDecision Completed(Order order) =>
        new(ReturnPageKind.Completed, order.Id, order.OrderGuid, order.CustomOrderNumber);

    private static ReturnPageDecision Pending(Order order) =>
        new(ReturnPageKind.Pending, order.Id, order.OrderGuid, order.CustomOrderNumber);

    private static ReturnPageDecision Problem(Order order, QfPayPaymentAttempt? attempt)
    {
        var problem = PaymentProblems.For(attempt);
        return new ReturnPageDecision(ReturnPageKind.Problem, order.Id, order.OrderGuid, order.CustomOrderNumber, problem,
            PaymentProblems.CanRetry(order, problem));
    }
}
