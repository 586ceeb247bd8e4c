namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// What an admin reads when a refund is refused, waits for QFPay, or needs their action (docs/qfpay-protocol.md §8.2, §11.13).
/// QFPay's own reasons come from the response-code table's message keys (<c>QfPayResponseCodes</c>); these texts
/// frame them and say what was and was not done.
/// </summary>
public static class RefundTexts
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".Refunds.";

    public static readonly LocaleResource NotConfigured = new(Prefix + "NotConfigured",
        "Refund not sent: the QFPay settings of this store are incomplete ({0}).",
        "退款未發送：此商店的 QFPay 設定不完整（{0}）。",
        "退款未发送：此商店的 QFPay 配置不完整（{0}）。");

    public static readonly LocaleResource NoPaidPayment = new(Prefix + "NoPaidPayment",
        "Refund not sent: no paid Alipay (QFPay) payment is recorded for this order. If it was paid another way, refund it there and record it with \"Refund (offline)\".",
        "退款未發送：此訂單沒有已付款的支付寶 (QFPay) 付款記錄。如訂單以其他方式付款，請在該處退款，並以「離線退款」記錄。",
        "退款未发送：此订单没有已支付的支付宝 (QFPay) 付款记录。如订单以其他方式支付，请在该处退款，并以“线下退款”记录。");

    public static readonly LocaleResource Busy = new(Prefix + "Busy",
        "Refund not sent: another refund of this payment is being submitted right now. Reload the order and try again in a moment.",
        "退款未發送：此付款的另一筆退款正在提交中。請重新載入訂單，稍後再試。",
        "退款未发送：此付款的另一笔退款正在提交中。请重新加载订单，稍后再试。");

    public static readonly LocaleResource PendingExists = new(Prefix + "PendingExists",
        "Refund not sent: the refund {0} of {1} is still waiting for QFPay's confirmation, and QFPay takes one refund of a payment at a time. It is checked automatically; \"Check status now\" on this page asks QFPay at once.",
        "退款未發送：退款 {0}（{1}）仍在等待 QFPay 確認，而 QFPay 每次只處理同一付款的一筆退款。系統會自動查核；按本頁的「立即查詢狀態」可即時向 QFPay 查詢。",
        "退款未发送：退款 {0}（{1}）仍在等待 QFPay 确认，而 QFPay 每次只处理同一付款的一笔退款。系统会自动查核；点击本页的“立即查询状态”可立即向 QFPay 查询。");

    public static readonly LocaleResource ExceedsPaid = new(Prefix + "ExceedsPaid",
        "Refund not sent: {0}. What is left of this payment is {1} of the {2} it paid; refunds are counted in the payment's own terms, not at today's exchange rate.",
        "退款未發送：{0}。此付款已付 {2}，尚餘 {1} 可退；退款按付款本身的金額計算，而非按今日匯率。",
        "退款未发送：{0}。此付款已付 {2}，尚余 {1} 可退；退款按付款本身的金额计算，而非按今日汇率。");

    public static readonly LocaleResource NothingLeft = new(Prefix + "NothingLeft",
        "Refund not sent: the payment of {0} has been refunded in full already.",
        "退款未發送：{0} 的付款已全數退款。",
        "退款未发送：{0} 的付款已全额退款。");

    public static readonly LocaleResource InvalidAmount = new(Prefix + "InvalidAmount",
        "Refund not sent: the amount cannot be expressed in the payment's currency ({0}).",
        "退款未發送：金額無法以付款所用的貨幣表示（{0}）。",
        "退款未发送：金额无法以付款所用的货币表示（{0}）。");

    public static readonly LocaleResource DatabaseError = new(Prefix + "DatabaseError",
        "Refund not sent: it could not be recorded in the database first. Nothing was refunded; try again.",
        "退款未發送：未能先把退款記錄到資料庫。沒有任何款項被退回，請再試一次。",
        "退款未发送：未能先将退款记录到数据库。没有任何款项被退回，请重试。");

    public static readonly LocaleResource Pending = new(Prefix + "Pending",
        "The refund of {0} was submitted to QFPay (refund number {1}) but QFPay has not confirmed it yet, so nopCommerce does not record it now. Do not refund again: it is checked automatically and recorded on the order as soon as QFPay confirms it.",
        "{0} 的退款已提交至 QFPay（退款編號 {1}），但 QFPay 尚未確認，因此 nopCommerce 暫不記錄。請勿再次退款：系統會自動查核，並在 QFPay 確認後立即記錄到訂單。",
        "{0} 的退款已提交至 QFPay（退款编号 {1}），但 QFPay 尚未确认，因此 nopCommerce 暂不记录。请勿再次退款：系统会自动查核，并在 QFPay 确认后立即记录到订单。");

    public static readonly LocaleResource Refused = new(Prefix + "Refused",
        "QFPay did not accept the refund (code {0}): {1} Nothing was refunded.",
        "QFPay 不接受此退款（代碼 {0}）：{1} 沒有任何款項被退回。",
        "QFPay 不接受此退款（代码 {0}）：{1} 没有任何款项被退回。");

    public static readonly LocaleResource NotSent = new(Prefix + "NotSent",
        "The refund was not sent to QFPay: {0} Nothing was refunded.",
        "退款未發送至 QFPay：{0} 沒有任何款項被退回。",
        "退款未发送至 QFPay：{0} 没有任何款项被退回。");

    public static readonly LocaleResource AlreadyRecorded = new(Prefix + "AlreadyRecorded",
        "QFPay confirmed the refund {0}, and QFPay's notification has already recorded it on the order; nothing more to do.",
        "QFPay 已確認退款 {0}，而 QFPay 的通知已把它記錄到訂單，無需再做任何事。",
        "QFPay 已确认退款 {0}，而 QFPay 的通知已将其记录到订单，无需再做任何事。");

    public static readonly LocaleResource MoneyReturned = new(Prefix + "MoneyReturned",
        "QFPay accepted the refund of {0} (payment {1}). It is not counted as a refund of the order: the order keeps the payment that paid it.",
        "QFPay 已接受 {0} 的退款（付款 {1}）。此退款不計作訂單的退款：訂單保留為其付款的那一筆。",
        "QFPay 已接受 {0} 的退款（付款 {1}）。此退款不计作订单的退款：订单保留为其付款的那一笔。");

    public static readonly LocaleResource NotMoneyToReturn = new(Prefix + "NotMoneyToReturn",
        "Nothing refunded: this is not a duplicate payment or a payment the order could not take. Refund the order with nopCommerce's Refund buttons.",
        "沒有退款：這不是重複付款，也不是訂單無法接受的付款。請以 nopCommerce 的退款按鈕為訂單退款。",
        "没有退款：这不是重复付款，也不是订单无法接受的付款。请用 nopCommerce 的退款按钮为订单退款。");

    /// <summary>Every text above, for the locale resource set.</summary>
    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        NotConfigured, NoPaidPayment, Busy, PendingExists, ExceedsPaid, NothingLeft, InvalidAmount, DatabaseError, Pending, Refused,
        NotSent, AlreadyRecorded, MoneyReturned, NotMoneyToReturn,
    ];
}
