using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// <c>POST /trade/v1/query</c> (API.md §7.1) by QFPay numbers, by our numbers, or both.
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
