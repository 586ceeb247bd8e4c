namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>
/// Where one payment attempt stands. Stored as an int (<see cref="QfPayPaymentAttempt.StatusId"/>): never renumber.
/// </summary>
public enum PaymentAttemptStatus
{
    /// <summary>Recorded, QFPay not called yet (or the call is still running).</summary>
    Created = 0,

    /// <summary>QFPay created the payment (respcd 0000, API.md §4.5): the shopper was sent to pay_url.</summary>
    AwaitingPayment = 10,

    /// <summary>A verified notification or query said paid, with the amount and currency sent; the order was settled.</summary>
    Paid = 20,

    /// <summary>QFPay refused to create the payment, or closed/cancelled it: nothing was paid.</summary>
    Failed = 30,

    /// <summary>
    /// The payment call timed out, failed on the network or answered with an unknown code: the payment may exist at
    /// QFPay. Only a query by out_trade_no may decide (API.md §2.4, §11.11).
    /// </summary>
    Unknown = 40,

    /// <summary>Not paid within expired_time (record code 1181, API.md §7.4).</summary>
    Expired = 50,

    /// <summary>QFPay reported a payment whose amount, currency or syssn differs from what was sent: not treated as paid.</summary>
    Mismatch = 60,
}

public static class PaymentAttemptStatuses
{
    /// <summary>Nothing QFPay says later can change these without a person looking at it.</summary>
    public static bool IsFinal(this PaymentAttemptStatus status) =>
        status is PaymentAttemptStatus.Paid or PaymentAttemptStatus.Failed or PaymentAttemptStatus.Expired or PaymentAttemptStatus.Mismatch;
}
