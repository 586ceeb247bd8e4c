using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>
/// The 800107 page inside the Alipay app: it hands QFPay's <c>pay_params.tradeNO</c> to <c>AlipayJSBridge.call("tradePay")</c>
/// and then polls the plugin's status endpoint, which settles from QFPay's notification or a query, never from the page.
/// </summary>
public sealed record AlipayTradePayModel(int OrderId, string CustomOrderNumber, string TradeNo, string StatusUrl, int PollSeconds)
{
    /// <summary>Result codes Alipay documents for tradePay (API.md §10.2 step 5).</summary>
    private static readonly string[] KnownResultCodes = ["9000", "8000", "4000", "6001", "6002", "6004"];

    /// <summary>
    /// The second argument of <c>tradePay</c> as a JavaScript object literal. System.Text.Json's default encoder escapes
    /// quotes, backslashes and HTML-significant characters (&lt; &gt; &amp; '), so a tradeNO can never end the script
    /// element or the string it sits in.
    /// </summary>
    public string TradePayArguments => JsonSerializer.Serialize(new Dictionary<string, string> { ["tradeNO"] = TradeNo });

    /// <summary>
    /// The codes after which the page says "not completed" instead of "confirming" (<see cref="TradePayResult.MayBePaid"/>).
    /// Taken from TradePayResult so the page and the server read a result code the same way; still only a hint, and
    /// the page keeps polling in case the app was wrong.
    /// </summary>
    public static string NotPaidResultCodes =>
        JsonSerializer.Serialize(KnownResultCodes.Where(static code => !TradePayResult.FromResultCode(code).MayBePaid).ToArray());
}
