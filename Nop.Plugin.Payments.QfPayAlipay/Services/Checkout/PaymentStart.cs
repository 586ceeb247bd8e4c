using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>Where the shopper goes after an order was placed with this method (or asked to pay it again).</summary>
/// <param name="SentToWallet">True: <paramref name="RedirectUrl"/> is QFPay's pay_url (or <see cref="TradeNo"/> is set). False: a plugin page.</param>
/// <param name="RedirectUrl">Absolute URL for a 302.</param>
/// <param name="Attempt">The attempt recorded for this trip, when one could be recorded.</param>
/// <param name="Reason">Why the shopper was not sent to the wallet (for logs and tests; never shown raw).</param>
public sealed record PaymentStart(bool SentToWallet, string RedirectUrl, QfPayPaymentAttempt? Attempt, string? Reason)
{
    public static PaymentStart ToWallet(string payUrl, QfPayPaymentAttempt attempt) => new(true, payUrl, attempt, null);

    /// <summary>
    /// 800107: QFPay's <c>pay_params.tradeNO</c> for the page's <c>AlipayJSBridge.call("tradePay")</c>. There is no
    /// address to redirect to (<see cref="RedirectUrl"/> is empty): the shop renders the tradePay page itself.
    /// </summary>
    public string? TradeNo { get; init; }

    public static PaymentStart ToTradePay(string tradeNo, QfPayPaymentAttempt attempt) => new(true, string.Empty, attempt, null) { TradeNo = tradeNo };

    public static PaymentStart ToProblemPage(string problemUrl, QfPayPaymentAttempt? attempt, string reason) => new(false, problemUrl, attempt, reason);

    /// <summary>True when <see cref="Attempt"/> is an earlier attempt whose open link was handed out again (no new payment).</summary>
    public bool Reused { get; init; }

    /// <summary>True when QFPay was asked for a new payment (a new attempt, with its own out_trade_no).</summary>
    public bool IsNewAttempt { get; init; }

    /// <summary>True when an earlier payment turned out paid: no new payment was started.</summary>
    public bool AlreadyPaid { get; init; }
}
