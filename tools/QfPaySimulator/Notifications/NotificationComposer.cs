using QfPaySimulator.Trades;

namespace QfPaySimulator.Notifications;

/// <summary>
/// Fills the notification fields from a stored trade (docs/qfpay-protocol.md §6.4). Optional fields QFPay leaves empty in its
/// examples stay empty, with <c>cash_fee</c> "0", as in the notification vectors (docs/qfpay-protocol.md §6.8).
/// </summary>
internal static class NotificationComposer
{
    public static NotificationContent ForPayment(PaymentRecord payment) => new()
    {
        PayType = payment.PayType,
        Sysdtm = QfPayClock.Text(payment.Sysdtm),
        Paydtm = QfPayClock.Text(payment.PaidAt ?? payment.Sysdtm),
        GoodsName = payment.GoodsName,
        Txcurrcd = payment.Txcurrcd,
        Txdtm = payment.Txdtm,
        Mchid = payment.Mchid ?? "",
        Txamt = payment.Txamt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OutTradeNo = payment.OutTradeNo,
        Syssn = payment.Syssn,
        Cancel = payment.Cancel,
        GoodsInfo = payment.GoodsInfo,
        NotifyType = "payment",
        Chnlsn = payment.Chnlsn,
    };

    /// <summary>
    /// QFPay documents no refund example (docs/qfpay-protocol.md §6.7, §13 question 5). The simulator sends the refund's own syssn,
    /// out_trade_no, txamt and txdtm, the payment's pay_type, goods_name and chnlsn, the payment's new cancel state
    /// (5 partial, 3 full) and no orig_syssn, so a client must link the refund through its own out_trade_no or a query.
    /// </summary>
    public static NotificationContent ForRefund(RefundRecord refund, PaymentRecord payment) => new()
    {
        PayType = payment.PayType,
        Sysdtm = QfPayClock.Text(refund.Sysdtm),
        Paydtm = QfPayClock.Text(refund.Sysdtm),
        GoodsName = payment.GoodsName,
        Txcurrcd = refund.Txcurrcd,
        Txdtm = refund.Txdtm,
        Mchid = refund.Mchid ?? "",
        Txamt = refund.Txamt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OutTradeNo = refund.OutTradeNo,
        Syssn = refund.Syssn,
        Cancel = payment.Cancel,
        GoodsInfo = payment.GoodsInfo,
        NotifyType = "refund",
        Chnlsn = payment.Chnlsn,
    };
}
