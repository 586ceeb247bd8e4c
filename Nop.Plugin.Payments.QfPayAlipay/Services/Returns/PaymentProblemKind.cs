using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

/// <summary>What the shopper is told on the problem page; each has its own text (see Localization/CheckoutResources).</summary>
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
    /// has to resolve. nopCommerce decides again on the order page (PLUGIN-API.md §1.5, retry payment).
    /// </summary>
    public static bool CanRetry(Order order, PaymentProblemKind problem) =>
        order.PaymentStatus == PaymentStatus.Pending && order.OrderStatus != OrderStatus.Cancelled && !order.Deleted
        && problem is not (PaymentProblemKind.Mismatch or PaymentProblemKind.NotPayable);

    public static bool IsPaid(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;
}
