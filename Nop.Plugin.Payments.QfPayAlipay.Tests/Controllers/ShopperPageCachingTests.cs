using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>
/// Issue #13 item 6: the shopper pages stay out of caches without ASP.NET Core's antiforgery logging, on every page of
/// a store, that it overrode the headers the plugin set (nopCommerce's layout renders forms with a token).
/// </summary>
[TestFixture]
[NonParallelizable]
public class ShopperPageCachingTests : LiveShopFixture
{
    /// <summary>What antiforgery logs when a page renders a token (GetAndStoreTokens, as a form tag helper does).</summary>
    private static async Task<(IReadOnlyList<string> Warnings, HttpResponse Response)> RenderTokenAfterAsync(Action<HttpResponse> page)
    {
        var log = new WarningLog();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log))
            .AddAntiforgery()
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        page(context.Response);

        services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return (log.Warnings, context.Response);
    }

    [Test]
    public async Task Antiforgery_finds_nothing_to_override_on_a_shopper_page_and_no_store_stays()
    {
        var (warnings, response) = await RenderTokenAfterAsync(ShopperPageCaching.Forbid);

        Assert.Multiple(() =>
        {
            Assert.That(warnings, Is.Empty);
            Assert.That(response.Headers.CacheControl.ToString(), Does.Contain("no-store"));
            Assert.That(response.Headers.Pragma.ToString(), Is.EqualTo("no-cache"));
        });
    }

    [Test]
    public async Task A_bare_no_store_is_what_made_antiforgery_warn()
    {
        var (warnings, _) = await RenderTokenAfterAsync(static response => response.Headers.CacheControl = "no-store");

        Assert.That(warnings, Has.Some.Contains("Cache-Control"));
    }

    [Test]
    public async Task A_page_without_a_form_is_not_cached_either()
    {
        var response = new DefaultHttpContext().Response;

        ShopperPageCaching.Forbid(response);

        Assert.That(response.Headers.CacheControl.ToString().Split(',', StringSplitOptions.TrimEntries), Is.SupersetOf(new[] { "no-store", "no-cache" }));
    }

    private async Task<IHeaderDictionary> HeadersOfAsync<TController>(Func<TController, Task<IActionResult>> page, string userAgent = UserAgents.IPhoneSafari)
        where TController : BasePluginController
    {
        await using var scope = Shop.Services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<TController>(scope.ServiceProvider);
        controller.ControllerContext = LiveShop.ControllerContextFor(scope.ServiceProvider);
        controller.Request.Headers.UserAgent = userAgent;
        controller.Url = Mock.Of<IUrlHelper>();
        await page(controller);
        return controller.Response.Headers;
    }

    private static void AssertShopperPageHeaders(IHeaderDictionary headers) =>
        Assert.That((headers.CacheControl.ToString(), headers.Pragma.ToString()), Is.EqualTo((ShopperPageCaching.CacheControl, ShopperPageCaching.Pragma)));

    [Test]
    public async Task The_problem_page_sets_the_headers_antiforgery_expects()
    {
        var order = Shop.AddOrder();
        Shop.SeedAttempt(order, status: PaymentAttemptStatus.Failed);

        AssertShopperPageHeaders(await HeadersOfAsync<QfPayPaymentProblemController>(c => c.Show(order.OrderGuid, CancellationToken.None)));
    }

    [Test]
    public async Task The_scan_page_sets_the_headers_antiforgery_expects()
    {
        var order = Shop.AddOrder();
        Shop.SeedAttempt(order);

        AssertShopperPageHeaders(await HeadersOfAsync<QfPayScanController>(c => c.Show(order.OrderGuid, CancellationToken.None), UserAgents.DesktopChrome));
    }

    [Test]
    public async Task The_open_in_browser_page_sets_the_headers_antiforgery_expects()
    {
        var order = Shop.AddOrder();

        AssertShopperPageHeaders(await HeadersOfAsync<QfPayOpenInBrowserController>(c => c.Show(order.OrderGuid), UserAgents.WeChatOnIPhone));
    }

    [Test]
    public async Task The_status_answer_sets_the_headers_antiforgery_expects()
    {
        var order = Shop.AddOrder();
        order.PaymentStatus = PaymentStatus.Paid;

        AssertShopperPageHeaders(await HeadersOfAsync<QfPayStatusController>(c => c.Status(order.OrderGuid, CancellationToken.None)));
    }

    [Test]
    public async Task The_waiting_page_sets_the_headers_antiforgery_expects()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order);

        AssertShopperPageHeaders(await HeadersOfAsync<QfPayReturnController>(c => c.Return(Shop.Attempts.Single().OutTradeNo, CancellationToken.None)));
    }

    /// <summary>Collects warnings written through Microsoft.Extensions.Logging.</summary>
    private sealed class WarningLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(WarningLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                    log._warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
