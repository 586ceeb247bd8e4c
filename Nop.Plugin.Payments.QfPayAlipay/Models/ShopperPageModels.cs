using System.Globalization;
using Newtonsoft.Json;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

// The shopper pages of the checkout: the waiting and problem pages, the desktop QR page and its status endpoint,
// the phone that paid elsewhere, the in-app browser page and the 800107 page inside the Alipay app.

/// <summary>The waiting page after the wallet: the order is placed, the payment not confirmed yet.</summary>
/// <param name="RefreshSeconds">The page reloads itself this often (meta refresh and Refresh header, no script).</param>
public sealed record PaymentPendingModel(int OrderId, string CustomOrderNumber, int RefreshSeconds);

/// <summary>The problem page: what went wrong in the shopper's words, and the way to retry.</summary>
/// <param name="CanRetry">Show "Retry payment" (a link to the order page, where nopCommerce's retry button is).</param>
public sealed record PaymentProblemModel(int OrderId, string CustomOrderNumber, PaymentProblemKind Problem, bool CanRetry)
{
    public string MessageKey => CheckoutResources.ProblemMessageKey(Problem);
}

/// <summary>The desktop page: the resume link as a QR code, what is being paid, and where to poll for the status.</summary>
/// <param name="AmountText">The charge as QFPay takes it, e.g. "HKD 128.00".</param>
/// <param name="QrCodeDataUri">A PNG data: URI of <paramref name="ResumeUrl"/>.</param>
/// <param name="StatusUrl">The JSON status endpoint.</param>
public sealed record ScanToPayModel(int OrderId, string CustomOrderNumber, string AmountText, string ResumeUrl, string QrCodeDataUri,
    string StatusUrl, int PollSeconds);

/// <summary>The status endpoint's answer: {"status":"pending|paid|failed|expired|problem|closed","next":url-or-null}.</summary>
/// <param name="Next">Where the page should go now (completed page, order details), or null to stay.</param>
public sealed record PaymentStatusModel(
    [property: JsonProperty("status")] string Status,
    [property: JsonProperty("next")] string? Next);

/// <summary>
/// The page for a browser that paid an order it did not place (the phone that scanned the desktop's QR code): paid,
/// the order number, and nothing else about the order.
/// </summary>
public sealed record PaidElsewhereModel(string CustomOrderNumber);

/// <summary>The in-app browser page: the steps for the host app and the plugin's resume link (never a pay_url).</summary>
/// <param name="StepsKey">Locale key of the host app's "Open in browser" steps.</param>
/// <param name="LeadWithCopyLink">The app has no "Open in browser" menu item: the copy button comes first.</param>
public sealed record OpenInBrowserModel(int OrderId, string CustomOrderNumber, string ResumeUrl, string StepsKey, bool LeadWithCopyLink);

/// <summary>
/// The 800107 page inside the Alipay app: it hands QFPay's <c>pay_params.tradeNO</c> to <c>AlipayJSBridge.call("tradePay")</c>
/// and then polls the plugin's status endpoint, which settles from QFPay's notification or a query, never from the page.
/// </summary>
public sealed record AlipayTradePayModel(int OrderId, string CustomOrderNumber, string TradeNo, string StatusUrl, int PollSeconds)
{
    /// <summary>Result codes Alipay documents for tradePay (docs/qfpay-protocol.md §10.2 step 5).</summary>
    private static readonly string[] KnownResultCodes = ["9000", "8000", "4000", "6001", "6002", "6004"];

    /// <summary>
    /// The second argument of <c>tradePay</c> as a JavaScript object literal; <see cref="ScriptSafeJson"/> escapes
    /// quotes, backslashes and HTML-significant characters (&lt; &gt; &amp; '), so a tradeNO can never end the script
    /// element or the string it sits in.
    /// </summary>
    public string TradePayArguments => ScriptSafeJson.Serialize(new Dictionary<string, string> { ["tradeNO"] = TradeNo });

    /// <summary>
    /// The codes after which the page says "not completed" instead of "confirming" (<see cref="TradePayResult.MayBePaid"/>).
    /// Taken from TradePayResult so the page and the server read a result code the same way; still only a hint, and
    /// the page keeps polling in case the app was wrong.
    /// </summary>
    public static string NotPaidResultCodes =>
        ScriptSafeJson.Serialize(KnownResultCodes.Where(static code => !TradePayResult.FromResultCode(code).MayBePaid).ToArray());
}

/// <summary>
/// JSON the shopper pages write into a script element or poll. HTML-significant characters (&lt; &gt; &amp; ' ")
/// are escaped as \u00xx, so no value can end the script element or the string it sits in; the host's
/// JsonConvert.DefaultSettings are not used, because the pages rely on these exact property names.
/// </summary>
internal static class ScriptSafeJson
{
    public static string Serialize(object value)
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { StringEscapeHandling = StringEscapeHandling.EscapeHtml });
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        serializer.Serialize(writer, value);
        return writer.ToString();
    }
}
