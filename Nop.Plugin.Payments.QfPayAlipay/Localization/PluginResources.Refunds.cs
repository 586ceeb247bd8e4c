using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts an admin reads about refunds (<see cref="RefundTexts"/>, which owns their keys and English); the Chinese
/// is kept here by the same keys.
/// </summary>
public static partial class PluginResources
{
    private static IEnumerable<LocaleResource> Refunds() =>
        WithChinese(RefundTexts.All.Select(static t => KeyValuePair.Create(t.Key, t.English)), RefundChinese);

    /// <summary>Keys of refund texts that have Chinese, for the locale tests.</summary>
    internal static IEnumerable<string> TranslatedRefundKeys => RefundChinese.Keys;

    private static readonly Dictionary<string, (string Traditional, string Simplified)> RefundChinese =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [RefundTexts.NotConfigured.Key] = (
                "退款未發送：此商店的 QFPay 設定不完整（{0}）。",
                "退款未发送：此商店的 QFPay 配置不完整（{0}）。"),
            [RefundTexts.NoPaidPayment.Key] = (
                "退款未發送：此訂單沒有已付款的支付寶 (QFPay) 付款記錄。如訂單以其他方式付款，請在該處退款，並以「離線退款」記錄。",
                "退款未发送：此订单没有已支付的支付宝 (QFPay) 付款记录。如订单以其他方式支付，请在该处退款，并以“线下退款”记录。"),
            [RefundTexts.Busy.Key] = (
                "退款未發送：此付款的另一筆退款正在提交中。請重新載入訂單，稍後再試。",
                "退款未发送：此付款的另一笔退款正在提交中。请重新加载订单，稍后再试。"),
            [RefundTexts.PendingExists.Key] = (
                "退款未發送：退款 {0}（{1}）仍在等待 QFPay 確認，而 QFPay 每次只處理同一付款的一筆退款。系統會自動查核；按本頁的「立即查詢狀態」可即時向 QFPay 查詢。",
                "退款未发送：退款 {0}（{1}）仍在等待 QFPay 确认，而 QFPay 每次只处理同一付款的一笔退款。系统会自动查核；点击本页的“立即查询状态”可立即向 QFPay 查询。"),
            [RefundTexts.ExceedsPaid.Key] = (
                "退款未發送：{0}。此付款已付 {2}，尚餘 {1} 可退；退款按付款本身的金額計算，而非按今日匯率。",
                "退款未发送：{0}。此付款已付 {2}，尚余 {1} 可退；退款按付款本身的金额计算，而非按今日汇率。"),
            [RefundTexts.NothingLeft.Key] = (
                "退款未發送：{0} 的付款已全數退款。",
                "退款未发送：{0} 的付款已全额退款。"),
            [RefundTexts.InvalidAmount.Key] = (
                "退款未發送：金額無法以付款所用的貨幣表示（{0}）。",
                "退款未发送：金额无法以付款所用的货币表示（{0}）。"),
            [RefundTexts.DatabaseError.Key] = (
                "退款未發送：未能先把退款記錄到資料庫。沒有任何款項被退回，請再試一次。",
                "退款未发送：未能先将退款记录到数据库。没有任何款项被退回，请重试。"),
            [RefundTexts.Pending.Key] = (
                "{0} 的退款已提交至 QFPay（退款編號 {1}），但 QFPay 尚未確認，因此 nopCommerce 暫不記錄。請勿再次退款：系統會自動查核，並在 QFPay 確認後立即記錄到訂單。",
                "{0} 的退款已提交至 QFPay（退款编号 {1}），但 QFPay 尚未确认，因此 nopCommerce 暂不记录。请勿再次退款：系统会自动查核，并在 QFPay 确认后立即记录到订单。"),
            [RefundTexts.Refused.Key] = (
                "QFPay 不接受此退款（代碼 {0}）：{1} 沒有任何款項被退回。",
                "QFPay 不接受此退款（代码 {0}）：{1} 没有任何款项被退回。"),
            [RefundTexts.NotSent.Key] = (
                "退款未發送至 QFPay：{0} 沒有任何款項被退回。",
                "退款未发送至 QFPay：{0} 没有任何款项被退回。"),
            [RefundTexts.AlreadyRecorded.Key] = (
                "QFPay 已確認退款 {0}，而 QFPay 的通知已把它記錄到訂單，無需再做任何事。",
                "QFPay 已确认退款 {0}，而 QFPay 的通知已将其记录到订单，无需再做任何事。"),
            [RefundTexts.MoneyReturned.Key] = (
                "QFPay 已接受 {0} 的退款（付款 {1}）。此退款不計作訂單的退款：訂單保留為其付款的那一筆。",
                "QFPay 已接受 {0} 的退款（付款 {1}）。此退款不计作订单的退款：订单保留为其付款的那一笔。"),
            [RefundTexts.NotMoneyToReturn.Key] = (
                "沒有退款：這不是重複付款，也不是訂單無法接受的付款。請以 nopCommerce 的退款按鈕為訂單退款。",
                "没有退款：这不是重复付款，也不是订单无法接受的付款。请用 nopCommerce 的退款按钮为订单退款。"),
        };
}
