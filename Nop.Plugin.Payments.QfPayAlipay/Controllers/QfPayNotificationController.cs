using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// QFPay's notification endpoint (route <see cref="QfPayAlipayDefaults.Routes.Notify"/>). A plain MVC controller on
/// purpose: nopCommerce's base controllers carry filters (HTTPS redirect, last-visited page, password checks) meant
/// for shoppers' browsers, and a redirect is not an answer QFPay understands. Anonymous, no antiforgery token (QFPay
/// cannot send one), any method reaches it so that a GET gets a clear 405 rather than the store's 404 page.
/// </summary>
[IgnoreAntiforgeryToken]
public class QfPayNotificationController : Controller
{
    private readonly NotificationHandler _handler;

    public QfPayNotificationController(NotificationHandler handler)
    {
        _handler = handler;
    }

    public async Task<IActionResult> Notify(CancellationToken cancellationToken)
    {
        // The raw bytes, before anything parses them: the signature covers them exactly (API.md §6.3, §11.6).
        var notification = await IncomingNotification.ReadAsync(Request, cancellationToken);
        var answer = await _handler.HandleAsync(notification, cancellationToken);

        if (answer.Reason == NotifyReason.MethodNotAllowed)
            Response.Headers.Allow = "POST";

        return new ContentResult { StatusCode = answer.StatusCode, Content = answer.Body, ContentType = NotifyAnswer.ContentType };
    }
}
