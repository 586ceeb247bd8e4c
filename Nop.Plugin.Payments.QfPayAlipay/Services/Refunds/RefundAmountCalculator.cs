using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>How much of a payment one refund sends, in the payment's own minor units, or why none.</summary>
public sealed record RefundAmount(long Minor, string? Refusal, RefundAmountProblem Problem = RefundAmountProblem.None)
{
    public bool IsValid => Refusal is null;
}

public enum RefundAmountProblem
{
    None,

    /// <summary>Zero, negative, or less than one minor unit of the payment's currency.</summary>
    NotExpressible,

    /// <summary>It would bring the payment's refunds above what the payment paid.</summary>
    ExceedsPayment,
}

/// <summary>
/// Turns the amount nopCommerce asks to refund (primary store currency) into txamt in the payment's own terms: the
/// refund's share of what the payment paid, <c>txamt × refund ÷ order total charged</c>, rounded by the money rule
/// (<see cref="MinorUnits"/>: nearest minor unit, halves away from zero). Never a fresh currency conversion: the
/// exchange rate, or the order total an admin edits later, do not change what the payment paid. The refund that
/// completes the payment sends exactly what is left of it, so a payment's refunds add up to its txamt to the unit.
/// See docs/money-invariants.md, "Refunds in the payment's own terms".
/// </summary>
public class RefundAmountCalculator
{
    /// <param name="payment">The paid attempt being refunded.</param>
    /// <param name="orderTotal">The order's total now, used only for attempts recorded before version 1.1 (no charged total kept).</param>
    /// <param name="amountToRefund">What the admin asked for, in the primary store currency.</param>
    /// <param name="refundedPrimary">What the payment's refunds (confirmed or awaiting confirmation) add up to, in the primary currency.</param>
    /// <param name="refundedMinor">The same refunds in the payment's minor units.</param>
    public virtual RefundAmount Calculate(QfPayPaymentAttempt payment, decimal orderTotal, decimal amountToRefund, decimal refundedPrimary, long refundedMinor)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var charged = payment.ChargedOrderTotal ?? orderTotal;
        if (charged <= 0)
            return Refuse(RefundAmountProblem.NotExpressible, "the payment's charged amount is not known");

        if (amountToRefund <= 0)
            return Refuse(RefundAmountProblem.NotExpressible, $"{Format(amountToRefund)} is not an amount that can be refunded");

        var after = refundedPrimary + amountToRefund;
        if (after > charged)
        {
            return Refuse(RefundAmountProblem.ExceedsPayment,
                $"{Format(amountToRefund)} would bring this payment's refunds to {Format(after)}, more than the {Format(charged)} it paid");
        }

        var left = payment.AmountMinor - refundedMinor;
        if (after == charged)
            return left > 0 ? new RefundAmount(left, null) : Refuse(RefundAmountProblem.ExceedsPayment, "nothing is left of this payment to refund");

        var minor = decimal.Round(payment.AmountMinor * amountToRefund / charged, 0, MidpointRounding.AwayFromZero);
        if (minor < 1)
        {
            return Refuse(RefundAmountProblem.NotExpressible,
                $"{Format(amountToRefund)} is less than one minor unit of the {payment.CurrencyCode} the payment was charged in");
        }

        if (minor > left)
        {
            return Refuse(RefundAmountProblem.ExceedsPayment,
                $"{Format(amountToRefund)} comes to {MinorUnits.Display((long)minor, payment.CurrencyCode)} of the payment, more than the {MinorUnits.Display(left, payment.CurrencyCode)} left");
        }

        return new RefundAmount((long)minor, null);
    }

    private static RefundAmount Refuse(RefundAmountProblem problem, string why) => new(0, why, problem);

    private static string Format(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);
}
