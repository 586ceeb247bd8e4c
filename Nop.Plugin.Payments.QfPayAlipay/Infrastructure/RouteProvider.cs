using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Payments.QfPayAlipay.Endpoints;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.QfPayAlipay.Infrastructure;

/// <summary>
/// The plugin's public routes. Language-neutral on purpose (no BaseRouteProvider, which would also pull in Nop.Web):
/// QFPay registers one notify URL per app code and the return URL must stay short (docs/nopcommerce.md §5.8, docs/qfpay-protocol.md §4.3).
/// </summary>
public class RouteProvider : IRouteProvider
{
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        // No HTTP method constraint: the endpoint answers anything but POST with a documented 405.
        NotificationEndpoint.Map(endpointRouteBuilder);

        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.Return, QfPayAlipayDefaults.ReturnPathPrefix + "{outTradeNo}",
            new { controller = "QfPayReturn", action = "Return" });

        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.PaymentProblem, QfPayAlipayDefaults.PaymentProblemPathPrefix + "{orderGuid:guid}",
            new { controller = "QfPayPaymentProblem", action = "Show" });

        // Shopper pages of issue #7, addressed by the order GUID.
        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.OpenInBrowser, QfPayAlipayDefaults.OpenInBrowserPathPrefix + "{orderGuid:guid}",
            new { controller = "QfPayOpenInBrowser", action = "Show" });

        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.Resume, QfPayAlipayDefaults.ResumePathPrefix + "{orderGuid:guid}",
            new { controller = "QfPayResume", action = "Resume" });

        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.Scan, QfPayAlipayDefaults.ScanPathPrefix + "{orderGuid:guid}",
            new { controller = "QfPayScan", action = "Show" });

        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.Status, QfPayAlipayDefaults.StatusPathPrefix + "{orderGuid:guid}",
            new { controller = "QfPayStatus", action = "Status" });

        // 800107: Alipay's silent authorisation returns here (register this address for the Alipay app).
        endpointRouteBuilder.MapControllerRoute(QfPayAlipayDefaults.Routes.AlipayCallback, QfPayAlipayDefaults.AlipayCallbackPath,
            new { controller = "QfPayAlipayCallback", action = "Callback" });
    }

    /// <summary>Like the bundled payment plugins (docs/nopcommerce.md §5.8).</summary>
    public int Priority => 0;
}
