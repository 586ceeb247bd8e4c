using QfPaySimulator.Endpoints;
using QfPaySimulator.Notifications;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Cashier;

/// <summary>
/// Plays the wallet side of 801107/801512 (the page behind pay_url, docs/qfpay-protocol.md §4.8) and of 800107's tradePay: the shopper
/// pays or cancels. Paying sends the payment notification's first attempt before redirecting the browser to
/// return_url, so a shop usually (not always: §11 item 8) has the notification before the shopper is back.
/// </summary>
internal static class CashierEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        var store = services.GetRequiredService<TradeStore>();
        var clock = services.GetRequiredService<QfPayClock>();
        var numbers = services.GetRequiredService<SyssnGenerator>();
        var merchants = services.GetRequiredService<MerchantDirectory>();
        var notifications = services.GetRequiredService<NotificationDispatcher>();

        routes.MapGet("/cashier/{syssn}", context =>
        {
            var syssn = (string)context.Request.RouteValues["syssn"]!;
            var payment = store.FindPayment(syssn);
            return payment is null
                ? HtmlAsync(context, StatusCodes.Status404NotFound, CashierPage.Message("Unknown payment", $"There is no payment {syssn}."))
                : HtmlAsync(context, StatusCodes.Status200OK, CashierPage.ForPayment(payment, payment.StateAt(clock.Now)));
        });

        routes.MapPost("/cashier/{syssn}/pay", async context =>
        {
            var syssn = (string)context.Request.RouteValues["syssn"]!;
            var now = clock.Now;
            var (outcome, payment) = store.Pay(syssn, now, () => numbers.NextAlipayTradeNo(now));
            switch (outcome)
            {
                case CashierOutcome.Done:
                    if (merchants.Find(payment!.AppCode) is { } merchant)
                    {
                        await notifications.DeliverFirstAttemptAsync(new NotificationJob(payment.AppCode, NotificationJob.UrlOf(payment.NotifyUrl),
                            merchant.ClientKey, NotificationComposer.ForPayment(payment)));
                    }

                    await ReturnToShopAsync(context, payment, "Payment complete", "The payment is paid.");
                    break;
                case CashierOutcome.AlreadyPaid:
                    // A second press changes nothing and sends no second notification.
                    await ReturnToShopAsync(context, payment!, "Already paid", "This payment was already paid.");
                    break;
                default:
                    await RefuseAsync(context, outcome, syssn);
                    break;
            }
        });

        routes.MapPost("/cashier/{syssn}/cancel", async context =>
        {
            var syssn = (string)context.Request.RouteValues["syssn"]!;
            var (outcome, payment) = store.Cancel(syssn, clock.Now);
            switch (outcome)
            {
                case CashierOutcome.Done or CashierOutcome.Cancelled:
                    await ReturnToShopAsync(context, payment!, "Payment cancelled", "The payment was cancelled; nothing was paid.");
                    break;
                default:
                    await RefuseAsync(context, outcome, syssn);
                    break;
            }
        });
    }

    private static Task ReturnToShopAsync(HttpContext context, PaymentRecord payment, string title, string text)
    {
        if (payment.ReturnUrl is { } returnUrl)
        {
            // QFPay does not document parameters appended to return_url (docs/qfpay-protocol.md §13 question 6): none are added.
            context.Response.Redirect(returnUrl);
            return Task.CompletedTask;
        }

        return HtmlAsync(context, StatusCodes.Status200OK, CashierPage.Message(title, text));
    }

    private static Task RefuseAsync(HttpContext context, CashierOutcome outcome, string syssn) => outcome switch
    {
        CashierOutcome.NotFound => HtmlAsync(context, StatusCodes.Status404NotFound, CashierPage.Message("Unknown payment", $"There is no payment {syssn}.")),
        CashierOutcome.Expired => HtmlAsync(context, StatusCodes.Status410Gone, CashierPage.Message("Payment expired", "This payment link has expired; nothing was paid.")),
        CashierOutcome.Cancelled => HtmlAsync(context, StatusCodes.Status409Conflict, CashierPage.Message("Payment cancelled", "This payment was cancelled and can no longer be paid.")),
        _ => HtmlAsync(context, StatusCodes.Status409Conflict, CashierPage.Message("Already paid", "This payment is already paid and cannot be cancelled.")),
    };

    private static Task HtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
