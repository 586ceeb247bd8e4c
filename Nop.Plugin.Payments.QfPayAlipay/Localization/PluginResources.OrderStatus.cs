using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts of the order page's Alipay (QFPay) block: <see cref="OrderStatusTexts"/> (headings, columns, "Check status
/// now" outcomes) and <see cref="StatusNames"/> (attempt and refund states), which own their keys and English; the
/// Chinese is kept here by the same keys.
/// </summary>
public static partial class PluginResources
{
    private static IEnumerable<LocaleResource> OrderStatusPage() =>
        WithChinese(OrderStatusEnglish.Select(static t => KeyValuePair.Create(t.Key, t.English)), OrderStatusChinese);

    /// <summary>Keys of order page texts that have Chinese, for the locale tests.</summary>
    internal static IEnumerable<string> TranslatedOrderStatusKeys => OrderStatusChinese.Keys;

    /// <summary>
    /// Every order page text. The "Other" state names are added by hand: StatusNames.All lists only the states the
    /// enums define, but a row written by a newer version can hold one this version does not know, and the page shows
    /// "Other" for it.
    /// </summary>
    internal static IReadOnlyList<AdminText> OrderStatusEnglish { get; } =
    [
        .. OrderStatusTexts.All,
        .. StatusNames.All,
        .. new[] { StatusNames.Of((PaymentAttemptStatus)int.MinValue), StatusNames.Of((RefundStatus)int.MinValue) }
            .Where(static other => !StatusNames.All.Any(known => known.Key == other.Key)),
    ];

    private static readonly Dictionary<string, (string Traditional, string Simplified)> OrderStatusChinese =
        new(StringComparer.OrdinalIgnoreCase)
        {
            // The block and its tables.
            [OrderStatusTexts.Title.Key] = ("支付寶 (QFPay)", "支付宝 (QFPay)"),
            [OrderStatusTexts.Attempts.Key] = ("付款嘗試", "付款尝试"),
            [OrderStatusTexts.Refunds.Key] = ("退款記錄", "退款记录"),
            [OrderStatusTexts.NoAttempts.Key] = ("此訂單尚未發起任何付款。", "此订单尚未发起任何付款。"),
            [OrderStatusTexts.NoRefunds.Key] = ("未曾透過 nopCommerce 申請任何退款。", "尚未通过 nopCommerce 申请任何退款。"),
            [OrderStatusTexts.CheckNow.Key] = ("立即查詢狀態", "立即查询状态"),
            [OrderStatusTexts.CheckNowHint.Key] = (
                "立即向 QFPay 查詢此訂單未完成的付款及退款，並按其回覆更新訂單（與對賬排程工作相同）。",
                "立即向 QFPay 查询此订单未完成的付款和退款，并根据其回复更新订单（与对账计划任务相同）。"),
            [OrderStatusTexts.ColumnOutTradeNo.Key] = ("編號（out_trade_no）", "编号（out_trade_no）"),
            [OrderStatusTexts.ColumnAmount.Key] = ("金額", "金额"),
            [OrderStatusTexts.ColumnStatus.Key] = ("狀態", "状态"),
            [OrderStatusTexts.ColumnSyssn.Key] = ("QFPay 交易編號（syssn）", "QFPay 交易编号（syssn）"),
            [OrderStatusTexts.ColumnCode.Key] = ("最近回應代碼", "最近响应代码"),
            [OrderStatusTexts.ColumnDetails.Key] = ("詳情", "详情"),
            [OrderStatusTexts.ColumnCreated.Key] = ("建立時間（UTC）", "创建时间（UTC）"),

            [OrderStatusTexts.ColumnPayment.Key] = ("所屬付款", "所属付款"),
            [OrderStatusTexts.RefundDuplicate.Key] = ("退還此重複付款", "退还此重复付款"),
            [OrderStatusTexts.RefundNotApplied.Key] = ("退還此付款", "退还此付款"),
            [OrderStatusTexts.RefundMoneyHint.Key] = (
                "透過 QFPay 把整筆付款退還給顧客。此退款不計作訂單的退款，訂單保留為其付款的那一筆。",
                "通过 QFPay 将整笔付款退还给顾客。此退款不计作订单的退款，订单保留为其付款的那一笔。"),
            [OrderStatusTexts.DuplicateWarning.Key] = (
                "QFPay 為此訂單收取了 {0} 筆訂單不保留的付款（重複付款，或在訂單已無法付款後才到達的付款）。請以下方各自的按鈕逐筆退款。",
                "QFPay 为此订单收取了 {0} 笔订单不保留的付款（重复付款，或在订单已无法支付后才到达的付款）。请用下方各自的按钮逐笔退款。"),
            [OrderStatusTexts.PaymentDuplicate.Key] = (
                "付款 {0}：QFPay 顯示已付款，但訂單此前已由另一筆付款支付。此筆已標記為重複付款：請按「退還此重複付款」退款。",
                "付款 {0}：QFPay 显示已支付，但订单此前已由另一笔付款支付。此笔已标记为重复付款：请点击“退还此重复付款”退款。"),
            [OrderStatusTexts.VendorNotAllowed.Key] = (
                "供應商不能查詢或退還支付寶 (QFPay) 付款；請聯絡商店管理員。",
                "供应商不能查询或退还支付宝 (QFPay) 付款；请联系商店管理员。"),

            // Outcomes of "Check status now".
            [OrderStatusTexts.PaymentPaid.Key] = (
                "付款 {0}：QFPay 確認已付款，訂單已更新為已付款。",
                "付款 {0}：QFPay 确认已支付，订单已更新为已支付。"),
            [OrderStatusTexts.PaymentPaidNotApplied.Key] = (
                "付款 {0}：QFPay 顯示已付款，但未能按訂單現時狀態入賬（{1}）。請查看訂單備註。",
                "付款 {0}：QFPay 显示已支付，但无法按订单当前状态入账（{1}）。请查看订单备注。"),
            [OrderStatusTexts.PaymentPending.Key] = (
                "付款 {0}：尚未付款，或暫時未能向 QFPay 查詢；訂單沒有任何變更。",
                "付款 {0}：尚未支付，或暂时无法向 QFPay 查询；订单未作任何更改。"),
            [OrderStatusTexts.PaymentExpired.Key] = (
                "付款 {0}：付款連結已逾期，未有付款。",
                "付款 {0}：付款链接已过期，未完成支付。"),
            [OrderStatusTexts.OrderCancelled.Key] = (
                "付款 {0} 已逾期未付款，訂單已被取消（設定「自動取消逾期未付款訂單」）。",
                "付款 {0} 已过期未支付，订单已被取消（设置“自动取消过期未付款订单”）。"),
            [OrderStatusTexts.PaymentNotPaid.Key] = (
                "付款 {0}：已在 QFPay 關閉、取消或從未建立，未有任何款項支付。",
                "付款 {0}：已在 QFPay 关闭、取消或从未创建，未支付任何款项。"),
            [OrderStatusTexts.RefundRecorded.Key] = (
                "退款 {0}：QFPay 已確認，並已記錄到訂單。",
                "退款 {0}：QFPay 已确认，并已记录到订单。"),
            [OrderStatusTexts.RefundAlreadyRecorded.Key] = (
                "退款 {0}：QFPay 已確認；此前已記錄到訂單。",
                "退款 {0}：QFPay 已确认；此前已记录到订单。"),
            [OrderStatusTexts.RefundFailed.Key] = (
                "退款 {0}：QFPay 並未執行此退款，沒有任何款項被退回。請查看訂單備註。",
                "退款 {0}：QFPay 并未执行此退款，没有任何款项被退回。请查看订单备注。"),
            [OrderStatusTexts.RefundPending.Key] = (
                "退款 {0}：仍在等待 QFPay 確認。",
                "退款 {0}：仍在等待 QFPay 确认。"),
            [OrderStatusTexts.ExternalRefunds.Key] = (
                "QFPay 顯示付款 {0} 有並非經 nopCommerce 發起的退款；請查看訂單備註。",
                "QFPay 显示付款 {0} 有并非通过 nopCommerce 发起的退款；请查看订单备注。"),
            [OrderStatusTexts.NothingOpen.Key] = (
                "此訂單沒有等待 QFPay 處理的項目：沒有未完成的付款，也沒有未確認的退款。",
                "此订单没有等待 QFPay 处理的事项：没有未完成的付款，也没有未确认的退款。"),
            [OrderStatusTexts.OrderNotFound.Key] = ("找不到此訂單。", "未找到该订单。"),
            [OrderStatusTexts.NotConfigured.Key] = (
                "無法向 QFPay 查詢：此商店的 QFPay 設定不完整（{0}）。",
                "无法向 QFPay 查询：此商店的 QFPay 配置不完整（{0}）。"),

            // Payment attempt states.
            [StatusNames.Of(PaymentAttemptStatus.Created).Key] = ("已建立，尚未發送", "已创建，尚未发送"),
            [StatusNames.Of(PaymentAttemptStatus.AwaitingPayment).Key] = ("等待付款", "待支付"),
            [StatusNames.Of(PaymentAttemptStatus.Paid).Key] = ("已付款", "已支付"),
            [StatusNames.Of(PaymentAttemptStatus.Failed).Key] = ("未付款（失敗或已關閉）", "未支付（失败或已关闭）"),
            [StatusNames.Of(PaymentAttemptStatus.Unknown).Key] = ("狀態未明，查核中", "状态未知，正在核查"),
            [StatusNames.Of(PaymentAttemptStatus.Expired).Key] = ("已逾期，未付款", "已过期，未支付"),
            [StatusNames.Of(PaymentAttemptStatus.Mismatch).Key] = ("已付款，但與發出的付款不符（請查看備註）", "已支付，但与发起的付款不符（请查看备注）"),
            [StatusNames.Of(PaymentAttemptStatus.DuplicatePayment).Key] = ("重複付款：訂單此前已付款，請退款", "重复付款：订单此前已支付，请退款"),
            [StatusNames.Of(PaymentAttemptStatus.NotApplied).Key] = ("已付款，但訂單無法接受，請退款", "已支付，但订单无法接受，请退款"),
            [StatusNames.Of((PaymentAttemptStatus)int.MinValue).Key] = ("其他", "其他"),

            // Refund states.
            [StatusNames.Of(RefundStatus.Pending).Key] = ("等待 QFPay 確認", "等待 QFPay 确认"),
            [StatusNames.Of(RefundStatus.Succeeded).Key] = ("已退款", "已退款"),
            [StatusNames.Of(RefundStatus.Failed).Key] = ("未退款", "未退款"),
            [StatusNames.Of((RefundStatus)int.MinValue).Key] = ("其他", "其他"),
        };
}
