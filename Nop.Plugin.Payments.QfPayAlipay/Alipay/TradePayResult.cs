namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// What the shopper's page says <c>AlipayJSBridge.call("tradePay", ...)</c> reported (docs/qfpay-protocol.md §10.2 step 5). Every value
/// is a hint: it comes from the browser, which anyone can fake, and Alipay itself calls some of these outcomes
/// uncertain. It may choose which page the shopper sees next; settlement only ever comes from a verified QFPay
/// notification or a query (docs/qfpay-protocol.md §10.2, §11 item 1).
/// </summary>
public enum TradePayHint
{
    /// <summary><c>9000</c>: Alipay says paid. Show "confirming"; the order is paid when QFPay says so.</summary>
    Paid,

    /// <summary><c>8000</c>: still being processed.</summary>
    Processing,

    /// <summary><c>4000</c>: the payment failed.</summary>
    Failed,

    /// <summary><c>6001</c>: the shopper closed the cashier.</summary>
    Cancelled,

    /// <summary><c>6002</c>: network error between the app and Alipay; the outcome is open.</summary>
    NetworkError,

    /// <summary><c>6004</c>, anything else, or nothing: unknown, may be paid.</summary>
    Unknown,
}

/// <summary>The <c>resultCode</c> of one <c>tradePay</c> call, mapped to a <see cref="TradePayHint"/>.</summary>
public sealed record TradePayResult(string? ResultCode, TradePayHint Hint)
{
    /// <summary>Always true, on purpose: no <c>resultCode</c> settles an order.</summary>
    public bool IsHintOnly => true;

    /// <summary>
    /// Whether money may have moved, so the shop should wait for the notification or query before offering another
    /// attempt. Only "failed" and "cancelled" say no, and even those are only the app's word.
    /// </summary>
    public bool MayBePaid => Hint is not (TradePayHint.Failed or TradePayHint.Cancelled);

    public static TradePayResult FromResultCode(string? resultCode)
    {
        var code = resultCode?.Trim();
        var hint = code switch
        {
            "9000" => TradePayHint.Paid,
            "8000" => TradePayHint.Processing,
            "4000" => TradePayHint.Failed,
            "6001" => TradePayHint.Cancelled,
            "6002" => TradePayHint.NetworkError,
            _ => TradePayHint.Unknown,
        };

        // Echo only what looks like a result code: the value comes from the browser and may end up in a log.
        return new TradePayResult(code is { Length: > 0 and <= 8 } && code.All(char.IsAsciiDigit) ? code : null, hint);
    }
}
