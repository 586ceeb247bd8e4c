using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Every locale resource the checkout and settlement pages use, with its English text. The installer adds these
/// (the translations live with the plugin's full resource set); views only ever print them through T(...).
/// </summary>
public static class CheckoutResources
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".";

    public const string PendingTitle = Prefix + "Pending.Title";
    public const string PendingText = Prefix + "Pending.Text";
    public const string PendingNoSecondPayment = Prefix + "Pending.NoSecondPayment";
    public const string PendingRefreshing = Prefix + "Pending.Refreshing";
    public const string OrderDetailsLink = Prefix + "OrderDetails";
    public const string OrderNumber = Prefix + "OrderNumber";
    public const string ProblemTitle = Prefix + "Problem.Title";
    public const string ProblemRetryHint = Prefix + "Problem.RetryHint";
    public const string ProblemRetry = Prefix + "Problem.Retry";
    public const string ProblemContactStore = Prefix + "Problem.ContactStore";
    public const string ContinueShopping = Prefix + "ContinueShopping";

    /// <summary>The resource key of the explanation for <paramref name="problem"/>.</summary>
    public static string ProblemMessageKey(PaymentProblemKind problem) => Prefix + "Problem." + problem;

    /// <summary>Key → English text; {0} is the order number where a text has it.</summary>
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>
    {
        [PendingTitle] = "Confirming your payment",
        [PendingText] = "Thank you. We are waiting for Alipay to confirm the payment for order {0}. This usually takes a few seconds.",
        [PendingNoSecondPayment] = "If you have paid, please do not pay again: the order is updated automatically as soon as the confirmation arrives, even if you close this page.",
        [PendingRefreshing] = "This page refreshes by itself.",
        [OrderDetailsLink] = "View your order",
        [OrderNumber] = "Order number: {0}",
        [ProblemTitle] = "Your payment was not completed",
        [ProblemMessageKey(PaymentProblemKind.NotStarted)] = "The payment with Alipay could not be started. Nothing has been charged.",
        [ProblemMessageKey(PaymentProblemKind.NotCompleted)] = "The payment with Alipay was not completed. Nothing has been charged.",
        [ProblemMessageKey(PaymentProblemKind.Unconfirmed)] = "We could not confirm your payment with Alipay yet. If you have already paid, the order will be updated automatically, so please check your Alipay app before paying again.",
        [ProblemMessageKey(PaymentProblemKind.Expired)] = "The payment link expired before the payment was made. Nothing has been charged.",
        [ProblemMessageKey(PaymentProblemKind.Mismatch)] = "A payment was received that does not match this order. The store has been informed and will contact you.",
        [ProblemMessageKey(PaymentProblemKind.NotPayable)] = "A payment was received for an order that can no longer be paid. The store has been informed and will refund it.",
        [ProblemRetryHint] = "Your order has been saved. You can pay for it again from the order page.",
        [ProblemRetry] = "Retry payment",
        [ProblemContactStore] = "If you have questions, please contact the store and quote your order number.",
        [ContinueShopping] = "Continue shopping",
    };
}
