using System.Text.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// Answer to a query (API.md §7.3). <c>0000</c> means the query worked; an empty <see cref="Records"/> then
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
    internal static QueryResponse? Read(JsonElement body)
    {
        if (!body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            return null;

        return ReadCommon(new QueryResponse
        {
            Records = [.. data.EnumerateArray().Where(static r => r.ValueKind == JsonValueKind.Object).Select(TransactionRecord.Read)],
            Page = Text(body, "page"),
            PageSize = Text(body, "page_size"),
        }, body);
    }

    /// <summary>Reads what it can even when <c>data</c> is unusable (for non-success answers).</summary>
    internal static QueryResponse ReadLenient(JsonElement body) => Read(body) ?? ReadCommon(new QueryResponse(), body);

    /// <summary>Records of several month windows, each transaction once.</summary>
    internal QueryResponse MergeWith(QueryResponse other) => this with
    {
        Records = [.. Records.Concat(other.Records).DistinctBy(static r => (r.Syssn, r.OutTradeNo, r.OrderType))],
    };
}
