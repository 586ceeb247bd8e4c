namespace QfPaySimulator;

/// <summary>
/// The fields of one notification (docs/qfpay-protocol.md §6.4). <see cref="ToFields"/> fixes the order QFPay's body uses (the
/// order of the notification vectors, docs/qfpay-protocol.md §6.8), because the signature covers the exact bytes.
/// </summary>
public sealed record NotificationContent
{
    public string Status { get; init; } = "1";
    public string PayType { get; init; } = "";
    public string Sysdtm { get; init; } = "";
    public string Paydtm { get; init; } = "";
    public string GoodsName { get; init; } = "";
    public string Txcurrcd { get; init; } = "";
    public string Txdtm { get; init; } = "";
    public string Mchid { get; init; } = "";
    public string Txamt { get; init; } = "";
    public string ExchangeRate { get; init; } = "";
    public string Chnlsn2 { get; init; } = "";
    public string OutTradeNo { get; init; } = "";
    public string Syssn { get; init; } = "";
    public string CashFeeType { get; init; } = "";
    public string Cancel { get; init; } = "0";
    public string Respcd { get; init; } = "0000";
    public string GoodsInfo { get; init; } = "";
    public string CashFee { get; init; } = "0";
    public string NotifyType { get; init; } = "payment";
    public string Chnlsn { get; init; } = "";
    public string Cardcd { get; init; } = "";

    public IReadOnlyList<KeyValuePair<string, string>> ToFields() =>
    [
        new("status", Status),
        new("pay_type", PayType),
        new("sysdtm", Sysdtm),
        new("paydtm", Paydtm),
        new("goods_name", GoodsName),
        new("txcurrcd", Txcurrcd),
        new("txdtm", Txdtm),
        new("mchid", Mchid),
        new("txamt", Txamt),
        new("exchange_rate", ExchangeRate),
        new("chnlsn2", Chnlsn2),
        new("out_trade_no", OutTradeNo),
        new("syssn", Syssn),
        new("cash_fee_type", CashFeeType),
        new("cancel", Cancel),
        new("respcd", Respcd),
        new("goods_info", GoodsInfo),
        new("cash_fee", CashFee),
        new("notify_type", NotifyType),
        new("chnlsn", Chnlsn),
        new("cardcd", Cardcd),
    ];

    /// <summary>The body exactly as it goes on the wire (plain ASCII, see <see cref="NotificationBodyFormatter"/>).</summary>
    public string ToBody() => NotificationBodyFormatter.Format(ToFields());
}
