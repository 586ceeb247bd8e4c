using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>Texts of the order page's Alipay (QFPay) block and of its "Check status now" outcome.</summary>
public static class OrderStatusTexts
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".OrderStatus.";

    public static readonly LocaleResource Title = new(Prefix + "Title", "Alipay (QFPay)", "支付寶 (QFPay)", "支付宝 (QFPay)");
    public static readonly LocaleResource Attempts = new(Prefix + "Attempts", "Payment attempts", "付款嘗試", "付款尝试");
    public static readonly LocaleResource Refunds = new(Prefix + "Refunds", "Refunds", "退款記錄", "退款记录");

    public static readonly LocaleResource NoAttempts = new(Prefix + "NoAttempts",
        "No payment was started for this order.",
        "此訂單尚未發起任何付款。",
        "此订单尚未发起任何付款。");

    public static readonly LocaleResource NoRefunds = new(Prefix + "NoRefunds",
        "No refund was requested through nopCommerce.",
        "未曾透過 nopCommerce 申請任何退款。",
        "尚未通过 nopCommerce 申请任何退款。");

    public static readonly LocaleResource CheckNow = new(Prefix + "CheckNow", "Check status now", "立即查詢狀態", "立即查询状态");

    public static readonly LocaleResource CheckNowHint = new(Prefix + "CheckNow.Hint",
        "Asks QFPay now about this order's open payments and refunds, and applies what it answers (the same as the reconciliation task).",
        "立即向 QFPay 查詢此訂單未完成的付款及退款，並按其回覆更新訂單（與對賬排程工作相同）。",
        "立即向 QFPay 查询此订单未完成的付款和退款，并根据其回复更新订单（与对账计划任务相同）。");

    public static readonly LocaleResource ColumnOutTradeNo = new(Prefix + "Column.OutTradeNo",
        "Number (out_trade_no)",
        "編號（out_trade_no）",
        "编号（out_trade_no）");

    public static readonly LocaleResource ColumnAmount = new(Prefix + "Column.Amount", "Amount", "金額", "金额");
    public static readonly LocaleResource ColumnStatus = new(Prefix + "Column.Status", "Status", "狀態", "状态");

    public static readonly LocaleResource ColumnSyssn = new(Prefix + "Column.Syssn",
        "QFPay number (syssn)",
        "QFPay 交易編號（syssn）",
        "QFPay 交易编号（syssn）");

    public static readonly LocaleResource ColumnCode = new(Prefix + "Column.Code", "Last code", "最近回應代碼", "最近响应代码");
    public static readonly LocaleResource ColumnDetails = new(Prefix + "Column.Details", "Details", "詳情", "详情");
    public static readonly LocaleResource ColumnCreated = new(Prefix + "Column.Created", "Created (UTC)", "建立時間（UTC）", "创建时间（UTC）");

    public static readonly LocaleResource PaymentPaid = new(Prefix + "Checked.PaymentPaid",
        "Payment {0}: QFPay confirms it is paid; the order is settled.",
        "付款 {0}：QFPay 確認已付款，訂單已更新為已付款。",
        "付款 {0}：QFPay 确认已支付，订单已更新为已支付。");

    public static readonly LocaleResource PaymentPaidNotApplied = new(Prefix + "Checked.PaymentPaidNotApplied",
        "Payment {0}: QFPay reports it paid, but it could not be applied to the order as is ({1}). See the order notes.",
        "付款 {0}：QFPay 顯示已付款，但未能按訂單現時狀態入賬（{1}）。請查看訂單備註。",
        "付款 {0}：QFPay 显示已支付，但无法按订单当前状态入账（{1}）。请查看订单备注。");

    public static readonly LocaleResource PaymentPending = new(Prefix + "Checked.PaymentPending",
        "Payment {0}: not paid yet, or QFPay could not be asked right now; nothing changed.",
        "付款 {0}：尚未付款，或暫時未能向 QFPay 查詢；訂單沒有任何變更。",
        "付款 {0}：尚未支付，或暂时无法向 QFPay 查询；订单未作任何更改。");

    public static readonly LocaleResource PaymentExpired = new(Prefix + "Checked.PaymentExpired",
        "Payment {0}: the payment link expired unpaid.",
        "付款 {0}：付款連結已逾期，未有付款。",
        "付款 {0}：付款链接已过期，未完成支付。");

    public static readonly LocaleResource OrderCancelled = new(Prefix + "Checked.OrderCancelled",
        "Payment {0} expired unpaid, and the order was cancelled (setting \"cancel expired orders\").",
        "付款 {0} 已逾期未付款，訂單已被取消（設定「自動取消逾期未付款訂單」）。",
        "付款 {0} 已过期未支付，订单已被取消（设置“自动取消过期未付款订单”）。");

    public static readonly LocaleResource PaymentNotPaid = new(Prefix + "Checked.PaymentNotPaid",
        "Payment {0}: closed, cancelled or never created at QFPay; nothing was paid.",
        "付款 {0}：已在 QFPay 關閉、取消或從未建立，未有任何款項支付。",
        "付款 {0}：已在 QFPay 关闭、取消或从未创建，未支付任何款项。");

    public static readonly LocaleResource RefundRecorded = new(Prefix + "Checked.RefundRecorded",
        "Refund {0}: QFPay confirms it; recorded on the order.",
        "退款 {0}：QFPay 已確認，並已記錄到訂單。",
        "退款 {0}：QFPay 已确认，并已记录到订单。");

    public static readonly LocaleResource RefundAlreadyRecorded = new(Prefix + "Checked.RefundAlreadyRecorded",
        "Refund {0}: QFPay confirms it; it was recorded before.",
        "退款 {0}：QFPay 已確認；此前已記錄到訂單。",
        "退款 {0}：QFPay 已确认；此前已记录到订单。");

    public static readonly LocaleResource RefundFailed = new(Prefix + "Checked.RefundFailed",
        "Refund {0}: it did not happen at QFPay; nothing was refunded. See the order notes.",
        "退款 {0}：QFPay 並未執行此退款，沒有任何款項被退回。請查看訂單備註。",
        "退款 {0}：QFPay 并未执行此退款，没有任何款项被退回。请查看订单备注。");

    public static readonly LocaleResource RefundPending = new(Prefix + "Checked.RefundPending",
        "Refund {0}: still waiting for QFPay's confirmation.",
        "退款 {0}：仍在等待 QFPay 確認。",
        "退款 {0}：仍在等待 QFPay 确认。");

    public static readonly LocaleResource ExternalRefunds = new(Prefix + "Checked.ExternalRefunds",
        "QFPay reports refunds of payment {0} that were not made in nopCommerce; see the order notes.",
        "QFPay 顯示付款 {0} 有並非經 nopCommerce 發起的退款；請查看訂單備註。",
        "QFPay 显示付款 {0} 有并非通过 nopCommerce 发起的退款；请查看订单备注。");

    public static readonly LocaleResource NothingOpen = new(Prefix + "Checked.NothingOpen",
        "Nothing is waiting for QFPay on this order: no open payment and no unconfirmed refund.",
        "此訂單沒有等待 QFPay 處理的項目：沒有未完成的付款，也沒有未確認的退款。",
        "此订单没有等待 QFPay 处理的事项：没有未完成的付款，也没有未确认的退款。");

    public static readonly LocaleResource OrderNotFound = new(Prefix + "Checked.OrderNotFound", "The order was not found.", "找不到此訂單。", "未找到该订单。");

    public static readonly LocaleResource NotConfigured = new(Prefix + "Checked.NotConfigured",
        "QFPay cannot be asked: the store's QFPay settings are incomplete ({0}).",
        "無法向 QFPay 查詢：此商店的 QFPay 設定不完整（{0}）。",
        "无法向 QFPay 查询：此商店的 QFPay 配置不完整（{0}）。");

    public static readonly LocaleResource ColumnPayment = new(Prefix + "Column.Payment", "Of payment", "所屬付款", "所属付款");
    public static readonly LocaleResource RefundDuplicate = new(Prefix + "RefundDuplicate", "Refund this duplicate payment", "退還此重複付款", "退还此重复付款");
    public static readonly LocaleResource RefundNotApplied = new(Prefix + "RefundNotApplied", "Refund this payment", "退還此付款", "退还此付款");

    public static readonly LocaleResource RefundMoneyHint = new(Prefix + "RefundMoney.Hint",
        "Refunds the whole payment to the shopper through QFPay. It is not counted as a refund of the order, which keeps the payment that paid it.",
        "透過 QFPay 把整筆付款退還給顧客。此退款不計作訂單的退款，訂單保留為其付款的那一筆。",
        "通过 QFPay 将整笔付款退还给顾客。此退款不计作订单的退款，订单保留为其付款的那一笔。");

    public static readonly LocaleResource DuplicateWarning = new(Prefix + "DuplicateWarning",
        "QFPay took {0} payment(s) for this order that the order does not keep (a duplicate payment, or a payment that arrived after the order could no longer be paid). Refund each with its button below.",
        "QFPay 為此訂單收取了 {0} 筆訂單不保留的付款（重複付款，或在訂單已無法付款後才到達的付款）。請以下方各自的按鈕逐筆退款。",
        "QFPay 为此订单收取了 {0} 笔订单不保留的付款（重复付款，或在订单已无法支付后才到达的付款）。请用下方各自的按钮逐笔退款。");

    public static readonly LocaleResource PaymentDuplicate = new(Prefix + "Checked.PaymentDuplicate",
        "Payment {0}: QFPay reports it paid, but the order was already paid by another payment. It is flagged as a duplicate payment: refund it with \"Refund this duplicate payment\".",
        "付款 {0}：QFPay 顯示已付款，但訂單此前已由另一筆付款支付。此筆已標記為重複付款：請按「退還此重複付款」退款。",
        "付款 {0}：QFPay 显示已支付，但订单此前已由另一笔付款支付。此笔已标记为重复付款：请点击“退还此重复付款”退款。");

    public static readonly LocaleResource VendorNotAllowed = new(Prefix + "VendorNotAllowed",
        "Vendors cannot check or refund Alipay (QFPay) payments; ask the store owner.",
        "供應商不能查詢或退還支付寶 (QFPay) 付款；請聯絡商店管理員。",
        "供应商不能查询或退还支付宝 (QFPay) 付款；请联系商店管理员。");

    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        ColumnPayment, RefundDuplicate, RefundNotApplied, RefundMoneyHint, DuplicateWarning, PaymentDuplicate, VendorNotAllowed,
        Title, Attempts, Refunds, NoAttempts, NoRefunds, CheckNow, CheckNowHint, ColumnOutTradeNo, ColumnAmount, ColumnStatus, ColumnSyssn,
        ColumnCode, ColumnDetails, ColumnCreated, PaymentPaid, PaymentPaidNotApplied, PaymentPending, PaymentExpired, OrderCancelled, PaymentNotPaid,
        RefundRecorded, RefundAlreadyRecorded, RefundFailed, RefundPending, ExternalRefunds, NothingOpen, OrderNotFound, NotConfigured,
    ];
}

/// <summary>Admin names of attempt and refund states, shown on the order page.</summary>
public static class StatusNames
{
    private const string Prefix = QfPayAlipayDefaults.LocaleResourcePrefix + ".OrderStatus.";

    private static readonly LocaleResource AttemptCreated = new(Prefix + "Attempt.Created", "Created, not sent yet", "已建立，尚未發送", "已创建，尚未发送");
    private static readonly LocaleResource AttemptAwaitingPayment = new(Prefix + "Attempt.AwaitingPayment", "Awaiting payment", "等待付款", "待支付");
    private static readonly LocaleResource AttemptPaid = new(Prefix + "Attempt.Paid", "Paid", "已付款", "已支付");
    private static readonly LocaleResource AttemptFailed = new(Prefix + "Attempt.Failed", "Not paid (failed or closed)", "未付款（失敗或已關閉）", "未支付（失败或已关闭）");
    private static readonly LocaleResource AttemptUnknown = new(Prefix + "Attempt.Unknown", "Unknown, being checked", "狀態未明，查核中", "状态未知，正在核查");
    private static readonly LocaleResource AttemptExpired = new(Prefix + "Attempt.Expired", "Expired unpaid", "已逾期，未付款", "已过期，未支付");
    private static readonly LocaleResource AttemptMismatch = new(Prefix + "Attempt.Mismatch", "Paid, but not as sent (see notes)", "已付款，但與發出的付款不符（請查看備註）", "已支付，但与发起的付款不符（请查看备注）");
    private static readonly LocaleResource AttemptDuplicatePayment = new(Prefix + "Attempt.DuplicatePayment", "Duplicate payment: the order was already paid; refund it", "重複付款：訂單此前已付款，請退款", "重复付款：订单此前已支付，请退款");
    private static readonly LocaleResource AttemptNotApplied = new(Prefix + "Attempt.NotApplied", "Paid, but the order could not take it; refund it", "已付款，但訂單無法接受，請退款", "已支付，但订单无法接受，请退款");
    private static readonly LocaleResource AttemptOther = new(Prefix + "Attempt.Other", "Other", "其他", "其他");
    private static readonly LocaleResource RefundPending = new(Prefix + "Refund.Pending", "Awaiting QFPay's confirmation", "等待 QFPay 確認", "等待 QFPay 确认");
    private static readonly LocaleResource RefundSucceeded = new(Prefix + "Refund.Succeeded", "Refunded", "已退款", "已退款");
    private static readonly LocaleResource RefundFailed = new(Prefix + "Refund.Failed", "Not refunded", "未退款", "未退款");
    private static readonly LocaleResource RefundOther = new(Prefix + "Refund.Other", "Other", "其他", "其他");

    public static LocaleResource Of(PaymentAttemptStatus status) => status switch
    {
        PaymentAttemptStatus.Created => AttemptCreated,
        PaymentAttemptStatus.AwaitingPayment => AttemptAwaitingPayment,
        PaymentAttemptStatus.Paid => AttemptPaid,
        PaymentAttemptStatus.Failed => AttemptFailed,
        PaymentAttemptStatus.Unknown => AttemptUnknown,
        PaymentAttemptStatus.Expired => AttemptExpired,
        PaymentAttemptStatus.Mismatch => AttemptMismatch,
        PaymentAttemptStatus.DuplicatePayment => AttemptDuplicatePayment,
        PaymentAttemptStatus.NotApplied => AttemptNotApplied,
        _ => AttemptOther,
    };

    public static LocaleResource Of(RefundStatus status) => status switch
    {
        RefundStatus.Pending => RefundPending,
        RefundStatus.Succeeded => RefundSucceeded,
        RefundStatus.Failed => RefundFailed,
        _ => RefundOther,
    };

    /// <summary>
    /// Every name, for the locale resource set. "Other" is there too: a row written by a newer version can hold a
    /// state this version does not know, and the page shows "Other" for it.
    /// </summary>
    public static IReadOnlyList<LocaleResource> All { get; } =
    [
        AttemptCreated, AttemptAwaitingPayment, AttemptPaid, AttemptFailed, AttemptUnknown, AttemptExpired, AttemptMismatch,
        AttemptDuplicatePayment, AttemptNotApplied, AttemptOther,
        RefundPending, RefundSucceeded, RefundFailed, RefundOther,
    ];
}
