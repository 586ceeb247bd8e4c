using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

namespace Nop.Plugin.Payments.QfPayAlipay.Localization;

/// <summary>
/// Texts for QFPay's answers: one per response-code message key (<see cref="QfPayResponseCodes"/>) and per
/// transport problem (<see cref="QfPayProblem"/>). The English text of a code is the protocol table's own
/// description, so the two never disagree; each row here adds its two Chinese texts.
/// </summary>
public static partial class PluginResources
{
    private static IEnumerable<LocaleResource> Protocol() =>
    [
        Code("0000", "成功。", "成功。"),
        Code("1143", "尚未付款，付款人可能仍在輸入密碼。請稍後再查詢。", "尚未付款，付款人可能仍在输入密码。请稍后再查询。"),
        Code("1145", "處理中，請稍後再查詢。", "处理中，请稍后再查询。"),
        Code("1298", "網絡緩慢；如已付款，請勿重複付款。請稍後查詢確認。", "网络缓慢；如已付款，请勿重复付款。请稍后查询确认。"),
        Code("1295", "網絡緩慢，正在等待回應。請先查詢再重試。", "网络缓慢，正在等待响应。请先查询再重试。"),
        Code("1296", "網絡緩慢；請先查詢確認沒有建立交易，再稍後重試或改用其他付款方式。", "网络缓慢；请先查询确认没有创建交易，再稍后重试或改用其他付款方式。"),
        Code("1100", "QFPay 系統維護中，請稍後再試。", "QFPay 系统维护中，请稍后再试。"),
        Code("1252", "QFPay 建立訂單時發生系統錯誤。請按 out_trade_no 查詢；如交易不存在，請稍後再試。", "QFPay 创建订单时发生系统错误。请按 out_trade_no 查询；如交易不存在，请稍后再试。"),
        Code("1254", "QFPay 方面出現問題。請按 out_trade_no 查詢；如交易不存在，請稍後再試。", "QFPay 方面出现问题。请按 out_trade_no 查询；如交易不存在，请稍后再试。"),
        Code("1101", "沖正錯誤，請查詢該交易。", "冲正错误，请查询该交易。"),
        Code("1136", "交易不存在或無法操作，請檢查 syssn。", "交易不存在或无法操作，请检查 syssn。"),
        Code("1250", "交易被禁止，請聯絡 QFPay。", "交易被禁止，请联系 QFPay。"),
        Code("1294", "交易可能不合規，已被銀行攔截。請勿自動重試。", "交易可能不合规，已被银行拦截。请勿自动重试。"),
        Code("1102", "重複請求。請勿重新發送，請按 out_trade_no 查詢。", "重复请求。请勿重新发送，请按 out_trade_no 查询。"),
        Code("2011", "交易流水號重複。使用新編號前，請先按 out_trade_no 查詢。", "交易流水号重复。使用新编号前，请先按 out_trade_no 查询。"),
        Code("1103", "請求格式錯誤。", "请求格式错误。"),
        Code("1104", "請求參數錯誤。", "请求参数错误。"),
        Code("1108", "簽名錯誤：請檢查客戶密鑰、簽名類型，以及有否混用測試與正式環境的憑證。", "签名错误：请检查客户密钥、签名类型，以及是否混用了测试与生产环境的凭证。"),
        Code("1105", "設備未啟用；請檢查 QFPay app code 的設定。", "设备未激活；请检查 QFPay app code 的配置。"),
        Code("1106", "設備無效；請檢查 QFPay app code。", "设备无效；请检查 QFPay app code。"),
        Code("1107", "設備不獲准交易；請檢查 QFPay app code 的設定。", "设备不允许交易；请检查 QFPay app code 的配置。"),
        Code("1241", "商店不存在或狀態異常，請聯絡 QFPay。", "门店不存在或状态异常，请联系 QFPay。"),
        Code("1242", "商店尚未設定，請聯絡 QFPay。", "门店尚未配置，请联系 QFPay。"),
        Code("1243", "商店已停用，請聯絡 QFPay。", "门店已停用，请联系 QFPay。"),
        Code("1251", "商店設定不正確，請聯絡 QFPay。", "门店配置不正确，请联系 QFPay。"),
        Code("1251.DuplicateOutTradeNo", "此 out_trade_no 已被使用。請勿重新發送，請按 out_trade_no 查詢。", "此 out_trade_no 已被使用。请勿重新发送，请按 out_trade_no 查询。"),
        Code("1142", "訂單已關閉。", "订单已关闭。"),
        Code("1264", "訂單已關閉或已全數退款。請查詢以了解已退款項。", "订单已关闭或已全额退款。请查询以了解已退款项。"),
        Code("1181", "訂單在付款前已逾期。", "订单在付款前已过期。"),
        Code("1260", "訂單已付款。請查詢並對賬。", "订单已支付。请查询并对账。"),
        Code("1261", "訂單未付款。請查詢其狀態。", "订单未支付。请查询其状态。"),
        Code("1262", "訂單已退款。請查詢並核對退款記錄。", "订单已退款。请查询并核对退款记录。"),
        Code("1125", "訂單已退款。請查詢並核對退款記錄。", "订单已退款。请查询并核对退款记录。"),
        Code("1263", "訂單已取消。", "订单已取消。"),
        Code("1266", "金額錯誤。重新發送任何請求前，請先查詢。", "金额错误。重新发送任何请求前，请先查询。"),
        Code("1267", "訂單資料不符。重新發送任何請求前，請先查詢。", "订单信息不符。重新发送任何请求前，请先查询。"),
        Code("1268", "找不到訂單。重新發送任何請求前，請先查詢。", "找不到订单。重新发送任何请求前，请先查询。"),
        Code("1201", "餘額不足，請改用其他付款方式。", "余额不足，请改用其他付款方式。"),
        Code("1203", "帳戶錯誤，請稍後再試或改用其他付款方式。", "账户错误，请稍后再试或改用其他付款方式。"),
        Code("1204", "銀行錯誤，請稍後再試或改用其他付款方式。", "银行错误，请稍后再试或改用其他付款方式。"),
        Code("1205", "交易失敗，可以重新嘗試。", "交易失败，可以重新尝试。"),
        Code("1297", "銀行系統繁忙（金額超出渠道上限時亦會出現），請稍後再試或改用其他付款方式。", "银行系统繁忙（金额超出渠道上限时也会出现），请稍后再试或改用其他付款方式。"),
        Code("1147", "微信錯誤（支付寶交易不應出現）。", "微信错误（支付宝交易不应出现）。"),
        Code("1202", "付款碼錯誤（支付寶 WAP 交易不應出現）。", "付款码错误（支付宝 WAP 交易不应出现）。"),
        Code("1212", "銀聯付款碼（支付寶 WAP 交易不應出現）。", "银联付款码（支付宝 WAP 交易不应出现）。"),
        Code("2005", "付款碼已過期（支付寶 WAP 交易不應出現）。", "付款码已过期（支付宝 WAP 交易不应出现）。"),
        Code("1150", "T0 結算不支援撤銷，請改用退款。", "T0 结算不支持撤销，请改用退款。"),
        Code("1155", "退款被拒絕。", "退款被拒绝。"),
        Code("1265.TimeWindow", "香港時間 23:30 至 00:30 期間不能退款，請於 00:30 後再試。", "香港时间 23:30 至 00:30 期间不能退款，请于 00:30 后再试。"),
        Code("1265.RefundPeriod", "此付款的退款期限已過，QFPay 不再接受退款。", "此付款的退款期限已过，QFPay 不再接受退款。"),
        Code("1269", "今日收款不足以支付退款，請於下一個營業日再試。", "今日收款不足以支付退款，请于下一个工作日再试。"),
        Code("1270", "此貨幣不支援部分退款，只能全數退款。", "此货币不支持部分退款，只能全额退款。"),
        Code("1271", "此交易不支援部分退款，只能全數退款。", "此交易不支持部分退款，只能全额退款。"),
        Code("1272", "退款金額超出可退金額。請查詢該筆付款以了解餘額。", "退款金额超出可退金额。请查询该笔付款以了解余额。"),
        Code("1124", "交易無效（即日退款的卡交易必須全數退款）。", "交易无效（当日退款的卡交易必须全额退款）。"),
        Code("2999", "未有記載的代碼：結果未明，必須查詢確認。", "未记载的代码：结果未明，必须查询确认。"),
        R(QfPayResponseCodes.UnknownCodeMessageKey,
            "QFPay answered with a code this plugin does not know.",
            "QFPay 回覆了本外掛程式不認識的代碼。",
            "QFPay 返回了本插件不认识的代码。"),

        R(QfPayProblem.None.MessageKey(), "QFPay answered.", "QFPay 已回覆。", "QFPay 已响应。"),
        R(QfPayProblem.InvalidRequest.MessageKey(),
            "The request was not sent: the plugin's QFPay settings or the order's data are invalid.",
            "請求未發送：外掛程式的 QFPay 設定或訂單資料無效。",
            "请求未发送：插件的 QFPay 配置或订单数据无效。"),
        R(QfPayProblem.Timeout.MessageKey(),
            "QFPay did not answer in time; the outcome is unknown until a query confirms it.",
            "QFPay 未能及時回覆；在查詢確認前，結果未明。",
            "QFPay 未能及时响应；在查询确认前，结果未明。"),
        R(QfPayProblem.NetworkError.MessageKey(), "QFPay could not be reached (network error).", "無法連接 QFPay（網絡錯誤）。", "无法连接 QFPay（网络错误）。"),
        R(QfPayProblem.RateLimited.MessageKey(),
            "QFPay's request limit was reached; try again shortly.",
            "已達 QFPay 的請求上限，請稍後再試。",
            "已达 QFPay 的请求上限，请稍后再试。"),
        R(QfPayProblem.ServerError.MessageKey(), "QFPay had a server error; try again later.", "QFPay 伺服器出錯，請稍後再試。", "QFPay 服务器出错，请稍后再试。"),
        R(QfPayProblem.UnexpectedHttpStatus.MessageKey(),
            "QFPay answered with an unexpected HTTP status.",
            "QFPay 回覆了意料之外的 HTTP 狀態。",
            "QFPay 返回了意外的 HTTP 状态。"),
        R(QfPayProblem.MalformedResponse.MessageKey(), "QFPay's answer could not be read.", "無法讀取 QFPay 的回覆。", "无法读取 QFPay 的响应。"),
    ];

    /// <summary>The row of the message key <paramref name="messageKey"/> (a code, or a code's variant such as "1265.RefundPeriod").</summary>
    private static LocaleResource Code(string messageKey, string traditionalChinese, string simplifiedChinese)
    {
        var key = QfPayResponseCodes.MessageKeyPrefix + messageKey;
        var code = QfPayResponseCodes.All.FirstOrDefault(info => string.Equals(info.MessageKey, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No QFPay response code has the message key {key}.");
        return R(key, code.Description, traditionalChinese, simplifiedChinese);
    }
}
