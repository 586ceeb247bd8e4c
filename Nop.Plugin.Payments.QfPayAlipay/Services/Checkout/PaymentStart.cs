using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>Where the shopper goes after an order was placed with this method.</summary>
/// <param name="SentToWallet">True: <paramref name="RedirectUrl"/> is QFPay's pay_url. False: it is the plugin's problem page.</param>
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
}
