namespace QfPaySimulator.Trades;

/// <summary>A refund as the simulator stores it; <see cref="OrigSyssn"/> is the payment it refunds (docs/qfpay-protocol.md §8.1).</summary>
internal sealed record RefundRecord
{
    public required string AppCode { get; init; }
    public string? Mchid { get; init; }
    public required string Syssn { get; init; }
    public required string OutTradeNo { get; init; }
    public required string OrigSyssn { get; init; }
    public required string PayType { get; init; }
    public required long Txamt { get; init; }
    public required string Txcurrcd { get; init; }
    public required string Txdtm { get; init; }
    public required DateTimeOffset Sysdtm { get; init; }
    public string Udid { get; init; } = "";
    public string GoodsName { get; init; } = "";
}
