using System.Globalization;
using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// <c>POST /trade/v1/query</c> (docs/qfpay-protocol.md §7.1) by QFPay numbers, by our numbers, or both.
/// </summary>
/// <remarks>
/// Window strategy (§7.2, §11.9, C17): QFPay searches <c>out_trade_no</c> only inside one calendar month
/// (UTC+8), the current one unless <c>start_time</c>/<c>end_time</c> say otherwise. So every query that
/// names an <c>out_trade_no</c> carries an explicit month window derived from the attempts' creation
/// times, widened by <see cref="MonthEdgeMargin"/> on both sides; when the widened span touches two
/// months (an attempt created near a month end or start), the client sends one request per month and
/// merges the records. A <c>syssn</c>-only query needs no window (QFPay ignores it there) and sends none.
/// </remarks>
public sealed record QueryRequest
{
    /// <summary>Covers request duration plus clock difference between our server and QFPay's (see remarks).</summary>
    public static readonly TimeSpan MonthEdgeMargin = TimeSpan.FromHours(1);

    /// <summary>A batch spanning more months than this must be split by the caller (each month costs a request).</summary>
    public const int MaxMonths = 3;

    /// <summary>QFPay caps <c>page_size</c> at 100 (§7.1).</summary>
    public const int MaxPageSize = 100;

    /// <summary>QFPay numbers (sent comma-separated).</summary>
    public IReadOnlyList<string> Syssns { get; init; } = [];

    /// <summary>Our numbers (sent comma-separated); need <see cref="CreatedFrom"/>.</summary>
    public IReadOnlyList<string> OutTradeNos { get; init; } = [];

    /// <summary>When the earliest of <see cref="OutTradeNos"/> was created (our clock; any offset).</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>When the latest was created; defaults to <see cref="CreatedFrom"/>.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary><c>page</c>, 1-based; QFPay's default 1.</summary>
    public int? Page { get; init; }

    /// <summary><c>page_size</c>, 1 to 100; QFPay's default 10. Set it when asking for more than 10 records.</summary>
    public int? PageSize { get; init; }

    public static QueryRequest BySyssn(params string[] syssns) => new() { Syssns = syssns };

    public static QueryRequest ByOutTradeNo(string outTradeNo, DateTimeOffset createdAt) =>
        new() { OutTradeNos = [outTradeNo], CreatedFrom = createdAt };

    public static QueryRequest ByOutTradeNos(IEnumerable<string> outTradeNos, DateTimeOffset earliestCreatedAt, DateTimeOffset latestCreatedAt) =>
        new() { OutTradeNos = [.. outTradeNos], CreatedFrom = earliestCreatedAt, CreatedTo = latestCreatedAt };

    /// <summary>The month windows an out_trade_no query will use (empty for syssn-only queries).</summary>
    public IReadOnlyList<QueryWindow> Windows() =>
        OutTradeNos.Count == 0 || CreatedFrom is null
            ? []
            : QfPayTime.MonthWindows(CreatedFrom.Value, CreatedTo ?? CreatedFrom.Value, MonthEdgeMargin);

    /// <summary>One form per month window (or a single one for syssn-only queries).</summary>
    internal FieldResult<IReadOnlyList<RequestForm>> BuildForms(QfPayAccount account)
    {
        var syssns = Clean(Syssns);
        var outTradeNos = Clean(OutTradeNos);
        if (syssns.Count == 0 && outTradeNos.Count == 0)
            return Invalid("A query needs at least one syssn or out_trade_no.");

        if (Page is < 1)
            return Invalid("page starts at 1.");

        if (PageSize is < 1 or > MaxPageSize)
            return Invalid($"page_size must be 1 to {MaxPageSize}.");

        if (syssns.Any(static s => s.Contains(',')) || outTradeNos.Any(static s => s.Contains(',')))
            return Invalid("A syssn or out_trade_no cannot contain ',' (QFPay separates lists with commas).");

        RequestForm NewForm() => new RequestForm()
            .Add("syssn", string.Join(',', syssns))
            .Add("out_trade_no", string.Join(',', outTradeNos))
            .Add("mchid", account.MerchantIdToSend)
            .Add("page", Page?.ToString(CultureInfo.InvariantCulture))
            .Add("page_size", PageSize?.ToString(CultureInfo.InvariantCulture));

        if (outTradeNos.Count == 0)
            return FieldResult<IReadOnlyList<RequestForm>>.Valid([NewForm()]);

        if (CreatedFrom is null)
            return Invalid("A query by out_trade_no needs the attempt's creation time: QFPay searches only one calendar month at a time.");

        var windows = Windows();
        if (windows.Count > MaxMonths)
            return Invalid($"The attempts span {windows.Count} months; query at most {MaxMonths} months at once (one request per month).");

        return FieldResult<IReadOnlyList<RequestForm>>.Valid(
            [.. windows.Select(window => NewForm().Add("start_time", window.StartText).Add("end_time", window.EndText))]);
    }

    private static List<string> Clean(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.Select(static v => v?.Trim() ?? string.Empty).Where(static v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static FieldResult<IReadOnlyList<RequestForm>> Invalid(string error) => FieldResult<IReadOnlyList<RequestForm>>.Invalid(error);
}

/// <summary>
/// Answer to a query (docs/qfpay-protocol.md §7.3). <c>0000</c> means the query worked; an empty <see cref="Records"/> then
/// means QFPay has no such transaction in the searched months.
/// </summary>
public sealed record QueryResponse : QfPayResponse
{
    public IReadOnlyList<TransactionRecord> Records { get; init; } = [];

    public string? Page { get; init; }

    public string? PageSize { get; init; }

    public TransactionRecord? FindBySyssn(string syssn) =>
        Records.FirstOrDefault(record => string.Equals(record.Syssn, syssn, StringComparison.Ordinal));

    public IEnumerable<TransactionRecord> FindByOutTradeNo(string outTradeNo) =>
        Records.Where(record => string.Equals(record.OutTradeNo, outTradeNo, StringComparison.Ordinal));

    /// <summary>Null when <c>data</c> is missing or not an array: "no records" must never be guessed.</summary>
    internal static QueryResponse? Read(JObject body)
    {
        if (body["data"] is not JArray data)
            return null;

        return ReadCommon(new QueryResponse
        {
            Records = [.. data.OfType<JObject>().Select(TransactionRecord.Read)],
            Page = Text(body, "page"),
            PageSize = Text(body, "page_size"),
        }, body);
    }

    /// <summary>Reads what it can even when <c>data</c> is unusable (for non-success answers).</summary>
    internal static QueryResponse ReadLenient(JObject body) => Read(body) ?? ReadCommon(new QueryResponse(), body);

    /// <summary>Records of several month windows, each transaction once.</summary>
    internal QueryResponse MergeWith(QueryResponse other) => this with
    {
        Records = [.. Records.Concat(other.Records).DistinctBy(static r => (r.Syssn, r.OutTradeNo, r.OrderType))],
    };
}

/// <summary>The state of a transaction found by a query (docs/qfpay-protocol.md §7.4).</summary>
public enum TransactionStatus
{
    /// <summary>Record <c>respcd</c> 0000: paid, or refund done.</summary>
    Succeeded,

    /// <summary>1143/1145 (1298 for payments): not paid yet or still processing; query again later.</summary>
    Pending,

    /// <summary>Payment 1181: not paid within <c>expired_time</c>.</summary>
    Expired,

    /// <summary>Payment 1142/1264 closed or 1263 cancelled: not paid.</summary>
    Closed,

    /// <summary>Any other record code.</summary>
    Failed,
}

/// <summary>One record of a query answer (docs/qfpay-protocol.md §7.3). Its <see cref="ResponseCode"/> is the transaction's status, not the call's.</summary>
public sealed record TransactionRecord
{
    public const string PaymentOrderType = "payment";
    public const string RefundOrderType = "refund";

    public string? Syssn { get; init; }

    public string? OutTradeNo { get; init; }

    /// <summary><c>payment</c> or <c>refund</c>.</summary>
    public string? OrderType { get; init; }

    /// <summary><c>origssn</c>: for refund records, the refunded payment.</summary>
    public string? OriginalSyssn { get; init; }

    public string? PayType { get; init; }

    public long? AmountInMinorUnits { get; init; }

    public string? Currency { get; init; }

    public string? RequestTime { get; init; }

    /// <summary><c>sysdtm</c>: QFPay's time (UTC+8), the field the query window filters on.</summary>
    public string? SystemTime { get; init; }

    public string? PaymentTime { get; init; }

    /// <summary>The transaction's status code (§7.4).</summary>
    public string? ResponseCode { get; init; }

    /// <summary><c>errmsg</c>: text for that status.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary><c>cancel</c>: 0 none, 3 refunded, 5 partially refunded, ... (§6.4).</summary>
    public string? Cancel { get; init; }

    public string? ChannelSerial { get; init; }

    public string? GoodsName { get; init; }

    public string? CashFee { get; init; }

    public string? CashFeeCurrency { get; init; }

    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    public bool IsPayment => string.Equals(OrderType, PaymentOrderType, StringComparison.OrdinalIgnoreCase);

    public bool IsRefund => string.Equals(OrderType, RefundOrderType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Our reading of <see cref="ResponseCode"/> (docs/qfpay-protocol.md §7.4).</summary>
    public TransactionStatus Status => (ResponseCode, IsRefund) switch
    {
        ("0000", _) => TransactionStatus.Succeeded,
        ("1143" or "1145", _) => TransactionStatus.Pending,
        ("1298", false) => TransactionStatus.Pending,
        ("1181", false) => TransactionStatus.Expired,
        ("1142" or "1264" or "1263", false) => TransactionStatus.Closed,
        _ => TransactionStatus.Failed,
    };

    internal static TransactionRecord Read(JObject record) => new()
    {
        Syssn = Text(record, "syssn"),
        OutTradeNo = Text(record, "out_trade_no"),
        OrderType = Text(record, "order_type"),
        OriginalSyssn = Text(record, "origssn") ?? Text(record, "orig_syssn"),
        PayType = Text(record, "pay_type"),
        AmountInMinorUnits = MinorUnits.TryParse(Text(record, "txamt"), out var amount) ? amount : null,
        Currency = Text(record, "txcurrcd"),
        RequestTime = Text(record, "txdtm"),
        SystemTime = Text(record, "sysdtm"),
        PaymentTime = Text(record, "paydtm"),
        ResponseCode = QfPayResponseCodes.Normalize(Text(record, "respcd")),
        ErrorMessage = Text(record, "errmsg"),
        Cancel = Text(record, "cancel"),
        ChannelSerial = Text(record, "chnlsn"),
        GoodsName = Text(record, "goods_name"),
        CashFee = Text(record, "cash_fee"),
        CashFeeCurrency = Text(record, "cash_fee_type"),
        Fields = QfPayJson.Scalars(record),
    };

    private static string? Text(JObject record, string name) => QfPayJson.NonEmptyText(record, name)?.Trim();
}
