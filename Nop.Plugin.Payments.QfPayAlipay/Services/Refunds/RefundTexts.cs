namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>
/// What an admin reads when a refund is refused, waits for QFPay, or needs their action (API.md §8.2, §11.13).
/// QFPay's own reasons come from the response-code table's message keys (<c>QfPayResponseCodes</c>); these texts
/// frame them and say what was and was not done.
/// </summary>
public static class RefundTexts
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Refunds.";

    public static readonly AdminText NotConfigured = new(Prefix + "NotConfigured",
        "Refund not sent: the QFPay settings of this store are incomplete ({0}).");

    public static readonly AdminText NoPaidPayment = new(Prefix + "NoPaidPayment",
        "Refund not sent: no paid Alipay (QFPay) payment is recorded for this order. If it was paid another way, refund it there and record it with \"Refund (offline)\".");

    public static readonly AdminText Busy = new(Prefix + "Busy",
        "Refund not sent: another refund of this payment is being submitted right now. Reload the order and try again in a moment.");

    public static readonly AdminText PendingExists = new(Prefix + "PendingExists",
        "Refund not sent: the refund {0} of {1} is still waiting for QFPay's confirmation, and QFPay takes one refund of a payment at a time. It is checked automatically; \"Check status now\" on this page asks QFPay at once.");

    public static readonly AdminText ExceedsPaid = new(Prefix + "ExceedsPaid",
        "Refund not sent: {0}. What is left of this payment is {1} of the {2} it paid; refunds are counted in the payment's own terms, not at today's exchange rate.");

    public static readonly AdminText NothingLeft = new(Prefix + "NothingLeft",
        "Refund not sent: the payment of {0} has been refunded in full already.");

    public static readonly AdminText InvalidAmount = new(Prefix + "InvalidAmount",
        "Refund not sent: the amount cannot be expressed in the payment's currency ({0}).");

    public static readonly AdminText DatabaseError = new(Prefix + "DatabaseError",
        "Refund not sent: it could not be recorded in the database first. Nothing was refunded; try again.");

    public static readonly AdminText Pending = new(Prefix + "Pending",
        "The refund of {0} was submitted to QFPay (refund number {1}) but QFPay has not confirmed it yet, so nopCommerce does not record it now. Do not refund again: it is checked automatically and recorded on the order as soon as QFPay confirms it.");

    public static readonly AdminText Refused = new(Prefix + "Refused",
        "QFPay did not accept the refund (code {0}): {1} Nothing was refunded.");

    public static readonly AdminText NotSent = new(Prefix + "NotSent",
        "The refund was not sent to QFPay: {0} Nothing was refunded.");

    public static readonly AdminText AlreadyRecorded = new(Prefix + "AlreadyRecorded",
        "QFPay confirmed the refund {0}, and QFPay's notification has already recorded it on the order; nothing more to do.");

    public static readonly AdminText MoneyReturned = new(Prefix + "MoneyReturned",
        "QFPay accepted the refund of {0} (payment {1}). It is not counted as a refund of the order: the order keeps the payment that paid it.");

    public static readonly AdminText NotMoneyToReturn = new(Prefix + "NotMoneyToReturn",
        "Nothing refunded: this is not a duplicate payment or a payment the order could not take. Refund the order with nopCommerce's Refund buttons.");

    /// <summary>Every text above, for the locale resource set.</summary>
    public static IReadOnlyList<AdminText> All { get; } =
    [
        NotConfigured, NoPaidPayment, Busy, PendingExists, ExceedsPaid, NothingLeft, InvalidAmount, DatabaseError, Pending, Refused,
        NotSent, AlreadyRecorded, MoneyReturned, NotMoneyToReturn,
    ];
}
