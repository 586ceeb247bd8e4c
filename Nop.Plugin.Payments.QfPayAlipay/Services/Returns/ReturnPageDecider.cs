using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

/// <summary>
/// Decides the return page (return_url) and the problem page from the shop's own records, asking QFPay only when the
/// attempt is still open. Nothing in the query string is read: QFPay adds nothing documented to return_url and
/// anything Alipay adds is signed with a key the shop does not have (docs/qfpay-protocol.md §11.8). Nothing depends on the session or
/// the cart either, so it works after one-page checkout's 3-minute window and in a browser that lost its cookies
/// (docs/nopcommerce.md §1.5).
/// </summary>
public class ReturnPageDecider
{
    /// <summary>
    /// The waiting page refreshes every few seconds; QFPay is asked at most this often per attempt, which keeps a
    /// forgotten tab far below QFPay's rate limit (docs/qfpay-protocol.md §1.5).
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

public enum ReturnPageKind
{
    /// <summary>Paid: nopCommerce's checkout-completed page.</summary>
    Completed,

    /// <summary>Not confirmed yet: the plugin's waiting page, which refreshes itself.</summary>
    Pending,

    /// <summary>Not paid (or paid but not acceptable): the plugin's problem page.</summary>
    Problem,

    /// <summary>No such attempt or order: the home page.</summary>
    NotFound,
}

/// <summary>Where the browser goes after QFPay sent it back (or after the problem page was opened).</summary>
public sealed record ReturnPageDecision(ReturnPageKind Kind, int OrderId = 0, Guid OrderGuid = default, string? CustomOrderNumber = null,
    PaymentProblemKind? Problem = null, bool CanRetry = false)
{
    public static ReturnPageDecision NotFound { get; } = new(ReturnPageKind.NotFound);
}

/// <summary>What the shopper is told on the problem page; each has its own text (CheckoutResources.ProblemMessageKey, in Localization/PluginResources.Shopper.cs).</summary>
public enum PaymentProblemKind
{
    /// <summary>QFPay was not asked, or refused to create the payment: nothing can have been charged.</summary>
    NotStarted,

    /// <summary>The payment was created but closed, cancelled or failed: nothing was charged.</summary>
    NotCompleted,

    /// <summary>QFPay's answer is unknown (timeout, network): the shopper may have paid; the order updates itself if so.</summary>
    Unconfirmed,

    /// <summary>The payment link expired unpaid.</summary>
    Expired,

    /// <summary>A payment arrived that does not match the order: the store looks into it.</summary>
    Mismatch,

    /// <summary>A payment arrived for an order that can no longer be paid: the store refunds it.</summary>
    NotPayable,
}

public static class PaymentProblems
{
    /// <summary>How the latest attempt of an unpaid order reads to the shopper.</summary>
    public static PaymentProblemKind For(QfPayPaymentAttempt? attempt) => attempt?.Status switch
    {
        null => PaymentProblemKind.NotStarted,
        PaymentAttemptStatus.Failed => string.IsNullOrEmpty(attempt.Syssn) ? PaymentProblemKind.NotStarted : PaymentProblemKind.NotCompleted,
        PaymentAttemptStatus.Expired => PaymentProblemKind.Expired,
        PaymentAttemptStatus.Mismatch => PaymentProblemKind.Mismatch,
        PaymentAttemptStatus.Paid or PaymentAttemptStatus.NotApplied or PaymentAttemptStatus.DuplicatePayment => PaymentProblemKind.NotPayable,
        _ => PaymentProblemKind.Unconfirmed,
    };

    /// <summary>
    /// Whether "Retry payment" makes sense: the order still waits for its money and the problem is not one the store
    /// has to resolve. nopCommerce decides again on the order page (docs/nopcommerce.md §1.5, retry payment).
    /// </summary>
    public static bool CanRetry(Order order, PaymentProblemKind problem) =>
        order.PaymentStatus == PaymentStatus.Pending && order.OrderStatus != OrderStatus.Cancelled && !order.Deleted
        && problem is not (PaymentProblemKind.Mismatch or PaymentProblemKind.NotPayable);

    public static bool IsPaid(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;
}

/// <summary>Whether the browser asking placed the order, and the order number it may be shown.</summary>
/// <param name="PlacedByCurrentCustomer">The request's customer is the order's customer.</param>
public sealed record OrderViewer(bool PlacedByCurrentCustomer, string CustomOrderNumber);

/// <summary>
/// Whether the browser asking is the order's customer. nopCommerce's checkout completed page sends anyone else to the
/// home page, and a payment is often finished in another browser than the order was placed in: the phone that scanned
/// the desktop's QR code, or Safari after an in-app browser.
/// </summary>
public class OrderOwnership
{
    private readonly IOrderService _orderService;
    private readonly IWorkContext _workContext;

    public OrderOwnership(IOrderService orderService, IWorkContext workContext)
    {
        _orderService = orderService;
        _workContext = workContext;
    }

    public virtual async Task<OrderViewer> ViewerOfAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null)
            return new OrderViewer(false, string.Empty);

        var customer = await _workContext.GetCurrentCustomerAsync();
        return new OrderViewer(customer is not null && customer.Id == order.CustomerId, order.CustomOrderNumber ?? string.Empty);
    }
}
