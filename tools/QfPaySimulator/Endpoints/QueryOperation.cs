using System.Globalization;
using System.Text.Json.Nodes;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// <c>POST /trade/v1/query</c> (docs/qfpay-protocol.md §7). syssn bypasses the date window; everything else (out_trade_no included,
/// since QFPay's May 2025 correction) searches only the window, by default the current month (§7.2).
/// </summary>
internal sealed class QueryOperation(TradeStore store, QfPayClock clock) : IApiOperation
{
    private const int DefaultPageSize = 10, MaxPageSize = 100;

    public SimulatorEndpoint Endpoint => SimulatorEndpoint.Query;

    public Task<ApiReply> HandleAsync(ApiRequest request, SimulatedMerchant merchant, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(request, merchant));

    private ApiReply Handle(ApiRequest request, SimulatedMerchant merchant)
    {
        if (!TryReadPositive(request.Value("page"), 1, out var page))
            return ApiReply.ParameterError("page must be a positive whole number");
        if (!TryReadPositive(request.Value("page_size"), DefaultPageSize, out var pageSize))
            return ApiReply.ParameterError("page_size must be a positive whole number");
        // Larger page sizes are capped, not refused (docs/qfpay-protocol.md §7.1).
        pageSize = Math.Min(pageSize, MaxPageSize);

        var now = clock.Now;
        var syssns = List(request.Value("syssn"));
        var outTradeNos = List(request.Value("out_trade_no"));
        var payTypes = List(request.Value("pay_type"));
        var respcds = List(request.Value("respcd"));

        QueryWindow? window = null;
        if (syssns is null)
        {
            if (!QueryWindow.TryResolve(request.Value("start_time"), request.Value("end_time"), now, out var resolved, out var error))
                return ApiReply.ParameterError(error);
            window = resolved;
        }

        var (payments, refunds) = store.ListForMerchant(merchant.AppCode);
        var records = payments.Select(payment => new QueryRecord(payment.Syssn, payment.OutTradeNo, payment.PayType, payment.Sysdtm, PaymentRecordJson(payment, now)))
            .Concat(refunds.Select(refund => new QueryRecord(refund.Syssn, refund.OutTradeNo, refund.PayType, refund.Sysdtm, RefundRecordJson(refund))))
            .Where(record => syssns is null || syssns.Contains(record.Syssn))
            .Where(record => outTradeNos is null || outTradeNos.Contains(record.OutTradeNo))
            .Where(record => window is null || window.Contains(record.Sysdtm))
            .Where(record => payTypes is null || payTypes.Contains(record.PayType))
            .Where(record => respcds is null || respcds.Contains(record.Json["respcd"]!.GetValue<string>()))
            .OrderByDescending(record => record.Sysdtm)
            .ThenByDescending(record => record.Syssn, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(record => (JsonNode?)record.Json)
            .ToArray();

        return ApiReply.Success(
        [
            new("page", page.ToString(CultureInfo.InvariantCulture)),
            new("page_size", pageSize.ToString(CultureInfo.InvariantCulture)),
            new("data", new JsonArray(records)),
        ]);
    }

    // Record status per docs/qfpay-protocol.md §7.4. For an expired payment QFPay's code is unknown (§13 question 12): 1181 "order
    // expired" is the simulator's choice, and 1263 "order cancelled" for a payment the shopper cancelled at the cashier.
    private static JsonObject PaymentRecordJson(PaymentRecord payment, DateTimeOffset now)
    {
        var (respcd, errmsg) = payment.StateAt(now) switch
        {
            PaymentState.Paid => (ResponseCodes.Success, "success"),
            PaymentState.Expired => (ResponseCodes.Expired, "order expired"),
            PaymentState.Cancelled => (ResponseCodes.Cancelled, "order cancelled"),
            _ => (ResponseCodes.InProgress, "order not paid yet"),
        };

        return new JsonObject
        {
            ["syssn"] = payment.Syssn,
            ["out_trade_no"] = payment.OutTradeNo,
            ["order_type"] = "payment",
            ["pay_type"] = payment.PayType,
            ["txamt"] = payment.Txamt.ToString(CultureInfo.InvariantCulture),
            ["txcurrcd"] = payment.Txcurrcd,
            ["txdtm"] = payment.Txdtm,
            ["sysdtm"] = QfPayClock.Text(payment.Sysdtm),
            ["paydtm"] = QfPayClock.Text(payment.PaidAt ?? payment.Sysdtm),
            ["respcd"] = respcd,
            ["errmsg"] = errmsg,
            ["cancel"] = payment.Cancel,
            ["chnlsn"] = payment.Chnlsn,
            ["chnlsn2"] = "",
            ["goods_name"] = payment.GoodsName,
            ["goods_info"] = payment.GoodsInfo,
            ["exchange_rate"] = "",
            ["cash_fee"] = "",
            ["cash_fee_type"] = "",
            ["cash_refund_fee"] = "",
            ["cash_refund_fee_type"] = "",
            ["udid"] = payment.Udid,
            ["cardcd"] = "",
        };
    }

    private static JsonObject RefundRecordJson(RefundRecord refund) => new()
    {
        ["syssn"] = refund.Syssn,
        ["out_trade_no"] = refund.OutTradeNo,
        ["order_type"] = "refund",
        ["origssn"] = refund.OrigSyssn,
        ["pay_type"] = refund.PayType,
        ["txamt"] = refund.Txamt.ToString(CultureInfo.InvariantCulture),
        ["txcurrcd"] = refund.Txcurrcd,
        ["txdtm"] = refund.Txdtm,
        ["sysdtm"] = QfPayClock.Text(refund.Sysdtm),
        ["paydtm"] = QfPayClock.Text(refund.Sysdtm),
        ["respcd"] = ResponseCodes.Success,
        ["errmsg"] = "success",
        ["cancel"] = "0",
        ["chnlsn"] = "",
        ["chnlsn2"] = "",
        ["goods_name"] = refund.GoodsName,
        ["goods_info"] = "",
        ["exchange_rate"] = "",
        ["cash_fee"] = "",
        ["cash_fee_type"] = "",
        ["cash_refund_fee"] = "",
        ["cash_refund_fee_type"] = "",
        ["udid"] = refund.Udid,
        ["cardcd"] = "",
    };

    private static HashSet<string>? List(string? commaSeparated) =>
        commaSeparated is null
            ? null
            : commaSeparated.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static bool TryReadPositive(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0);
    }

    private sealed record QueryRecord(string Syssn, string OutTradeNo, string PayType, DateTimeOffset Sysdtm, JsonObject Json);
}
