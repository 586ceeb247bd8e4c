using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Services.Payments;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// The shopper pages of issue #7 as a browser with a given User-Agent would open them: each call in its own scope,
/// like a request, with the controller built from the live shop's container.
/// </summary>
public static class ShopperPageCalls
{
    /// <summary>Core's PostProcessPaymentAsync with this browser's request; the context carries the 302.</summary>
    public static async Task<HttpContext> PostProcessAsync(this LiveShop shop, Order order, string userAgent)
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = userAgent;
        var method = PaymentMethodFactory.Create(scope.ServiceProvider, new HttpContextAccessor { HttpContext = context });
        await method.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        return context;
    }

    public static Task<IActionResult> OpenInBrowserPageAsync(this LiveShop shop, Guid orderGuid, string userAgent) =>
        shop.CallAsync<QfPayOpenInBrowserController>(userAgent, c => c.Show(orderGuid));

    public static Task<IActionResult> ResumeAsync(this LiveShop shop, Guid orderGuid, string userAgent) =>
        shop.CallAsync<QfPayResumeController>(userAgent, c => c.Resume(orderGuid, CancellationToken.None));

    public static Task<IActionResult> ScanPageAsync(this LiveShop shop, Guid orderGuid, string userAgent = UserAgents.DesktopChrome) =>
        shop.CallAsync<QfPayScanController>(userAgent, c => c.Show(orderGuid, CancellationToken.None));

    public static Task<IActionResult> StatusAsync(this LiveShop shop, Guid orderGuid) =>
        shop.CallAsync<QfPayStatusController>(UserAgents.DesktopChrome, c => c.Status(orderGuid, CancellationToken.None));

    /// <summary>The JSON the status endpoint answers, as the page's script reads it.</summary>
    public static async Task<string?> StatusTextAsync(this LiveShop shop, Guid orderGuid)
    {
        var result = await shop.StatusAsync(orderGuid);
        if (result is not ContentResult { Content: { } json })
            return null;

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("status").GetString();
    }

    private static async Task<IActionResult> CallAsync<TController>(this LiveShop shop, string userAgent, Func<TController, Task<IActionResult>> action)
        where TController : BasePluginController
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<TController>(scope.ServiceProvider);
        controller.ControllerContext = LiveShop.ControllerContextFor(scope.ServiceProvider);
        controller.Request.Headers.UserAgent = userAgent;

        // No endpoint routing in the test host: route URLs (completed page, problem page) come back null.
        controller.Url = Mock.Of<IUrlHelper>();
        return await action(controller);
    }
}
