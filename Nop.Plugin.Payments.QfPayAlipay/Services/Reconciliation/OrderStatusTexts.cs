using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>Texts of the order page's Alipay (QFPay) block and of its "Check status now" outcome.</summary>
public static class OrderStatusTexts
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".OrderStatus.";

    public static readonly AdminText Title = new(Prefix + "Title", "Alipay (QFPay)");
    public static readonly AdminText Attempts = new(Prefix + "Attempts", "Payment attempts");
    public static readonly AdminText Refunds = new(Prefix + "Refunds", "Refunds");
    public static readonly AdminText NoAttempts = new(Prefix + "NoAttempts", "No payment was started for this order.");
    public static readonly AdminText NoRefunds = new(Prefix + "NoRefunds", "No refund was requested through nopCommerce.");
    public static readonly AdminText CheckNow = new(Prefix + "CheckNow", "Check status now");
    public static readonly AdminText CheckNowHint = new(Prefix + "CheckNow.Hint",
        "Asks QFPay now about this order's open payments and refunds, and applies what it answers (the same as the reconciliation task).");

    public static readonly AdminText ColumnOutTradeNo = new(Prefix + "Column.OutTradeNo", "Number (out_trade_no)");
    public static readonly AdminText ColumnAmount = new(Prefix + "Column.Amount", "Amount");
    public static readonly AdminText ColumnStatus = new(Prefix + "Column.Status", "Status");
    public static readonly AdminText ColumnSyssn = new(Prefix + "Column.Syssn", "QFPay number (syssn)");
    public static readonly AdminText ColumnCode = new(Prefix + "Column.Code", "Last code");
    public static readonly AdminText ColumnDetails = new(Prefix + "Column.Details", "Details");
    public static readonly AdminText ColumnCreated = new(Prefix + "Column.Created", "Created (UTC)");

    public static readonly AdminText PaymentPaid = new(Prefix + "Checked.PaymentPaid", "Payment {0}: QFPay confirms it is paid; the order is settled.");
    public static readonly AdminText PaymentPaidNotApplied = new(Prefix + "Checked.PaymentPaidNotApplied",
        "Payment {0}: QFPay reports it paid, but it could not be applied to the order as is ({1}). See the order notes.");
    public static readonly AdminText PaymentPending = new(Prefix + "Checked.PaymentPending",
        "Payment {0}: not paid yet, or QFPay could not be asked right now; nothing changed.");
    public static readonly AdminText PaymentExpired = new(Prefix + "Checked.PaymentExpired", "Payment {0}: the payment link expired unpaid.");
    public static readonly AdminText OrderCancelled = new(Prefix + "Checked.OrderCancelled",
        "Payment {0} expired unpaid, and the order was cancelled (setting \"cancel expired orders\").");
    public static readonly AdminText PaymentNotPaid = new(Prefix + "Checked.PaymentNotPaid", "Payment {0}: closed, cancelled or never created at QFPay; nothing was paid.");
    public static readonly AdminText RefundRecorded = new(Prefix + "Checked.RefundRecorded", "Refund {0}: QFPay confirms it; recorded on the order.");
    public static readonly AdminText RefundAlreadyRecorded = new(Prefix + "Checked.RefundAlreadyRecorded", "Refund {0}: QFPay confirms it; it was recorded before.");
    public static readonly AdminText RefundFailed = new(Prefix + "Checked.RefundFailed", "Refund {0}: it did not happen at QFPay; nothing was refunded. See the order notes.");
    public static readonly AdminText RefundPending = new(Prefix + "Checked.RefundPending", "Refund {0}: still waiting for QFPay's confirmation.");
    public static readonly AdminText ExternalRefunds = new(Prefix + "Checked.ExternalRefunds",
        "QFPay reports refunds of payment {0} that were not made in nopCommerce; see the order notes.");
    public static readonly AdminText NothingOpen = new(Prefix + "Checked.NothingOpen",
        "Nothing is waiting for QFPay on this order: no open payment and no unconfirmed refund.");
    public static readonly AdminText OrderNotFound = new(Prefix + "Checked.OrderNotFound", "The order was not found.");
    public static readonly AdminText NotConfigured = new(Prefix + "Checked.NotConfigured", "QFPay cannot be asked: the store's QFPay settings are incomplete ({0}).");

    public static readonly AdminText ColumnPayment = new(Prefix + "Column.Payment", "Of payment");
    public static readonly AdminText RefundDuplicate = new(Prefix + "RefundDuplicate", "Refund this duplicate payment");
    public static readonly AdminText RefundNotApplied = new(Prefix + "RefundNotApplied", "Refund this payment");
    public static readonly AdminText RefundMoneyHint = new(Prefix + "RefundMoney.Hint",
        "Refunds the whole payment to the shopper through QFPay. It is not counted as a refund of the order, which keeps the payment that paid it.");
    public static readonly AdminText DuplicateWarning = new(Prefix + "DuplicateWarning",
        "QFPay took {0} payment(s) for this order that the order does not keep (a duplicate payment, or a payment that arrived after the order could no longer be paid). Refund each with its button below.");
    public static readonly AdminText PaymentDuplicate = new(Prefix + "Checked.PaymentDuplicate",
        "Payment {0}: QFPay reports it paid, but the order was already paid by another payment. It is flagged as a duplicate payment: refund it with \"Refund this duplicate payment\".");
    public static readonly AdminText VendorNotAllowed = new(Prefix + "VendorNotAllowed",
        "Vendors cannot check or refund Alipay (QFPay) payments; ask the store owner.");

    public static IReadOnlyList<AdminText> All { get; } =
    [
        ColumnPayment, RefundDuplicate, RefundNotApplied, RefundMoneyHint, DuplicateWarning, PaymentDuplicate, VendorNotAllowed,
        Title, Attempts, Refunds, NoAttempts, NoRefunds, CheckNow, CheckNowHint, ColumnOutTradeNo, ColumnAmount, ColumnStatus, ColumnSyssn,
        ColumnCode, ColumnDetails, ColumnCreated, PaymentPaid, PaymentPaidNotApplied, PaymentPending, PaymentExpired, OrderCancelled, PaymentNotPaid,
        RefundRecorded, RefundAlreadyRecorded, RefundFailed, RefundPending, ExternalRefunds, NothingOpen, OrderNotFound, NotConfigured,
    ];
}
