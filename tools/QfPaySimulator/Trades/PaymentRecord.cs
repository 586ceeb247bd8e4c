namespace QfPaySimulator.Trades;

/// <summary>A payment as the simulator stores it. Immutable: the store swaps in a new version on every change.</summary>
internal sealed record PaymentRecord
{
    public required string AppCode { get; init; }
    public string? Mchid { get; init; }
    public required string Syssn { get; init; }
    public required string OutTradeNo { get; init; }
    public required string PayType { get; init; }
    public required long Txamt { get; init; }
    public required string Txcurrcd { get; init; }
    public required string Txdtm { get; init; }
    public required DateTimeOffset Sysdtm { get; init; }
    public string GoodsName { get; init; } = "";
    public string GoodsInfo { get; init; } = "";
    public string Udid { get; init; } = "";
    public string? ReturnUrl { get; init; }
    public string? NotifyUrl { get; init; }
    public string? Openid { get; init; }

    /// <summary>expired_time, 30 minutes unless the request says otherwise (docs/qfpay-protocol.md §4.2).</summary>
    public required TimeSpan Lifetime { get; init; }

    /// <summary>800107 only: the Alipay trade number returned as <c>pay_params.tradeNO</c> (docs/qfpay-protocol.md §4.4).</summary>
    public string? TradeNo { get; init; }

    public PaymentState State { get; init; } = PaymentState.Unpaid;
    public DateTimeOffset? PaidAt { get; init; }
    public string Chnlsn { get; init; } = "";
    public long RefundedAmount { get; init; }

    public DateTimeOffset ExpiresAt => Sysdtm + Lifetime;

    public PaymentState StateAt(DateTimeOffset now) =>
        State == PaymentState.Unpaid && now > ExpiresAt ? PaymentState.Expired : State;

    /// <summary>The <c>cancel</c> field: 0 untouched, 5 partially refunded, 3 refunded (docs/qfpay-protocol.md §6.4, §7.4).</summary>
    public string Cancel => RefundedAmount == 0 ? "0" : RefundedAmount >= Txamt ? "3" : "5";
}
