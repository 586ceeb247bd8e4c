using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Endpoints;

/// <summary>
/// QFPay's notification URL (<see cref="QfPayAlipayDefaults.NotificationPath"/>), mapped by the plugin's
/// RouteProvider as a plain endpoint rather than an MVC action. QFPay posts JSON and reads a short text answer, so
/// nothing of MVC is needed (model binding, filters, view data): every notification would pay for it. It also keeps
/// nopCommerce's filters for shoppers' browsers (closed store, HTTPS redirect, last visited page) from answering in
/// the plugin's place; a redirect is not an answer QFPay understands. Anonymous, no antiforgery token (QFPay cannot
/// send one), and any method reaches it so that a GET gets a clear 405 rather than the store's 404 page.
/// </summary>
public static class NotificationEndpoint
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.Map(QfPayAlipayDefaults.NotificationPath, HandleAsync)
            .WithName(QfPayAlipayDefaults.Routes.Notify)
            .WithDisplayName("QFPay notification");

    private static async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;

        // The raw bytes, before anything parses them: the signature covers them exactly (docs/qfpay-protocol.md §6.3, §11.6).
        var notification = await IncomingNotification.ReadAsync(context.Request, cancellationToken);
        var handler = context.RequestServices.GetRequiredService<NotificationHandler>();
        var answer = await handler.HandleAsync(notification, cancellationToken);

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = NotifyAnswer.ContentType;
        if (answer.Reason == NotifyReason.MethodNotAllowed)
            response.Headers.Allow = "POST";

        response.ContentLength = Encoding.UTF8.GetByteCount(answer.Body);
        await response.WriteAsync(answer.Body, Encoding.UTF8, cancellationToken);
    }
}
