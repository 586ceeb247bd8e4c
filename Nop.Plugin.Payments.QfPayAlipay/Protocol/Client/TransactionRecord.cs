using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>The state of a transaction found by a query (API.md §7.4).</summary>
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

/// <summary>One record of a query answer (API.md §7.3). Its <see cref="ResponseCode"/> is the transaction's status, not the call's.</summary>
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

    /// <summary>Our reading of <see cref="ResponseCode"/> (API.md §7.4).</summary>
    public TransactionStatus Status => (ResponseCode, IsRefund) switch
    {
        ("0000", _) => TransactionStatus.Succeeded,
        ("1143" or "1145", _) => TransactionStatus.Pending,
        ("1298", false) => TransactionStatus.Pending,
        ("1181", false) => TransactionStatus.Expired,
        ("1142" or "1264" or "1263", false) => TransactionStatus.Closed,
        _ => TransactionStatus.Failed,
    };

    internal static TransactionRecord Read(JsonElement record) => new()
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
        Fields = TolerantJson.Scalars(record),
    };

    private static string? Text(JsonElement record, string name) => TolerantJson.NonEmptyText(record, name)?.Trim();
}
