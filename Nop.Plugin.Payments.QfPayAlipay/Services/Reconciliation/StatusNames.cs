using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>Admin names of attempt and refund states, shown on the order page.</summary>
public static class StatusNames
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".OrderStatus.";

    public static AdminText Of(PaymentAttemptStatus status) => status switch
    {
        PaymentAttemptStatus.Created => new(Prefix + "Attempt.Created", "Created, not sent yet"),
        PaymentAttemptStatus.AwaitingPayment => new(Prefix + "Attempt.AwaitingPayment", "Awaiting payment"),
        PaymentAttemptStatus.Paid => new(Prefix + "Attempt.Paid", "Paid"),
        PaymentAttemptStatus.Failed => new(Prefix + "Attempt.Failed", "Not paid (failed or closed)"),
        PaymentAttemptStatus.Unknown => new(Prefix + "Attempt.Unknown", "Unknown, being checked"),
        PaymentAttemptStatus.Expired => new(Prefix + "Attempt.Expired", "Expired unpaid"),
        PaymentAttemptStatus.Mismatch => new(Prefix + "Attempt.Mismatch", "Paid, but not as sent (see notes)"),
        PaymentAttemptStatus.DuplicatePayment => new(Prefix + "Attempt.DuplicatePayment", "Duplicate payment: the order was already paid; refund it"),
        PaymentAttemptStatus.NotApplied => new(Prefix + "Attempt.NotApplied", "Paid, but the order could not take it; refund it"),
        _ => new(Prefix + "Attempt.Other", "Other"),
    };

    public static AdminText Of(RefundStatus status) => status switch
    {
        RefundStatus.Pending => new(Prefix + "Refund.Pending", "Awaiting QFPay's confirmation"),
        RefundStatus.Succeeded => new(Prefix + "Refund.Succeeded", "Refunded"),
        RefundStatus.Failed => new(Prefix + "Refund.Failed", "Not refunded"),
        _ => new(Prefix + "Refund.Other", "Other"),
    };

    /// <summary>Every name, for the locale resource set.</summary>
    public static IReadOnlyList<AdminText> All { get; } =
    [
        .. Enum.GetValues<PaymentAttemptStatus>().Select(Of),
        .. Enum.GetValues<RefundStatus>().Select(Of),
    ];
}
