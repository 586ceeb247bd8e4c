using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Cashier;

/// <summary>
/// The simulated Alipay cashier: one self-contained, mobile-friendly HTML page (no scripts, no external resources)
/// with a Pay and a Cancel form while the payment can still be paid, and the outcome pages after that.
/// </summary>
internal static class CashierPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f2f4f7;color:#1f2328}
        main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
        .card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        h1{font-size:1.1rem;margin:0 0 1rem}
        .amount{font-size:2rem;font-weight:600;margin:.5rem 0 1rem}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem .75rem;margin:0 0 1.25rem;font-size:.9rem}
        dt{color:#656d76}dd{margin:0;word-break:break-all}
        button{width:100%;font-size:1.05rem;padding:.8rem;border-radius:8px;border:0;margin:.35rem 0;cursor:pointer}
        .pay{background:#1677ff;color:#fff}.cancel{background:#e7e9ee;color:#1f2328}
        .note{font-size:.8rem;color:#656d76;margin-top:1rem}
        """;

    public static string ForPayment(PaymentRecord payment, PaymentState state)
    {
        var body = new StringBuilder();
        body.Append("<h1>Alipay cashier (QFPay simulator)</h1>");
        body.Append("<div class=\"amount\">").Append(Encode(AmountText.Format(payment.Txamt, payment.Txcurrcd))).Append("</div>");
        body.Append("<dl>");
        Row(body, "Merchant", payment.Mchid is { } mchid ? $"{mchid} (app code {payment.AppCode})" : $"app code {payment.AppCode}");
        Row(body, "Goods", payment.GoodsName.Length > 0 ? payment.GoodsName : "(no goods_name)");
        Row(body, "Order", payment.OutTradeNo);
        Row(body, "QFPay syssn", payment.Syssn);
        Row(body, "Pay type", payment.PayType);
        Row(body, "Status", Describe(state));
        Row(body, "Expires", QfPayClock.Text(payment.ExpiresAt) + " (UTC+8)");
        body.Append("</dl>");

        if (state == PaymentState.Unpaid)
        {
            var syssn = Encode(payment.Syssn);
            body.Append($"<form method=\"post\" action=\"/cashier/{syssn}/pay\"><button class=\"pay\" type=\"submit\">Pay {Encode(AmountText.Format(payment.Txamt, payment.Txcurrcd))}</button></form>");
            body.Append($"<form method=\"post\" action=\"/cashier/{syssn}/cancel\"><button class=\"cancel\" type=\"submit\">Cancel</button></form>");
        }

        body.Append("<p class=\"note\">Simulated payment: no money moves. Paying sends the signed notification to the shop's notify_url, then returns to the shop.</p>");
        return Page("Pay " + AmountText.Format(payment.Txamt, payment.Txcurrcd), body.ToString());
    }

    public static string Message(string title, string text) =>
        Page(title, $"<h1>{Encode(title)}</h1><p>{Encode(text)}</p>");

    private static string Describe(PaymentState state) => state switch
    {
        PaymentState.Paid => "paid",
        PaymentState.Expired => "expired",
        PaymentState.Cancelled => "cancelled",
        _ => "waiting for payment",
    };

    private static void Row(StringBuilder body, string name, string value) =>
        body.Append("<dt>").Append(Encode(name)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");

    private static string Page(string title, string content) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <style>{Style}</style>
        </head>
        <body><main><div class="card">{content}</div></main></body>
        </html>
        """;

    // Keeps Chinese goods names readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Html.Encode(text);
}
