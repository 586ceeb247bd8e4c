using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Controllers;
using Nop.Plugin.Payments.QfPayAlipay.Infrastructure;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;
using Nop.Services.Payments;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A <see cref="Shop"/> whose notification route is served for real: Kestrel on 127.0.0.1 with a free port, the
/// plugin's routes from its <see cref="RouteProvider"/> (the notification endpoint; MVC with views and no controllers,
/// as a store's other routes need MVC).
/// The simulator posts its signed notifications to it; tests drive checkout and the return page in-process against
/// the same container.
/// </summary>
public sealed class LiveShop : Shop, IAsyncDisposable
{
    private WebApplication? _app;

    private LiveShop(TimeProvider? clock) : base(clock)
    {
    }

    public QfPaySimulatorHost Simulator { get; private set; } = null!;

    /// <summary>
    /// The customer of the browser the shopper pages are opened in (nopCommerce's IWorkContext). By default the one who
    /// placed the orders <see cref="Shop.AddOrder"/> makes (their CustomerId is 0 too); another customer is another
    /// browser, e.g. the phone that scanned the desktop's QR code.
    /// </summary>
    public Customer CurrentCustomer { get; set; } = new();

    public IServiceProvider Services => _app!.Services;

    /// <param name="clock">The shop's clock (attempt times, throttles); the simulator keeps its own (SimulatorOptions.TimeProvider).</param>
    public static async Task<LiveShop> StartAsync(Action<LiveShop>? configure = null, Action<SimulatorOptions>? simulator = null,
        TimeProvider? clock = null)
    {
        var shop = new LiveShop(clock);
        configure?.Invoke(shop);
        var options = new SimulatorOptions { RetryTimeScale = 0.001 };
        simulator?.Invoke(options);
        shop.Simulator = await QfPaySimulatorHost.StartAsync(options);
        shop.UseSimulator(shop.Simulator);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => shop.CurrentCustomer);
        workContext.Setup(w => w.SetCurrentCustomerAsync(It.IsAny<Customer>())).Callback((Customer customer) => shop.RecordCurrentCustomer(customer))
            .Returns(Task.CompletedTask);
        // Before the shop's registrations, so that they keep it (TryAdd) and LastRegistrations can still replace it.
        builder.Services.AddSingleton(workContext.Object);
        shop.RegisterServices(builder.Services);
        builder.Services.AddControllersWithViews().ConfigureApplicationPartManager(static parts => parts.ApplicationParts.Clear());

        shop._app = builder.Build();
        shop._app.UseRouting();
        new RouteProvider().RegisterRoutes(shop._app);
        await shop._app.StartAsync();

        var address = shop._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        shop.BaseUrl = address.TrimEnd('/') + "/";
        return shop;
    }

    public Uri NotifyUrl => new(BaseUrl + QfPayAlipayDefaults.NotificationPath);

    /// <summary>
    /// What core does after placing the order (docs/nopcommerce.md §1.5): PostProcessPaymentAsync with the request's
    /// HttpContext, then looks at the response. The returned context carries the 302 and its Location.
    /// </summary>
    public async Task<HttpContext> PostProcessAsync(Order order)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext();
        var accessor = new HttpContextAccessor { HttpContext = context };
        var method = PaymentMethodFactory.Create(scope.ServiceProvider, accessor);
        await method.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
        return context;
    }

    /// <summary>The return page, as the wallet's redirect would open it.</summary>
    public async Task<IActionResult> ReturnAsync(string outTradeNo)
    {
        await using var scope = Services.CreateAsyncScope();
        var controller = ActivatorUtilities.CreateInstance<QfPayReturnController>(scope.ServiceProvider);
        controller.ControllerContext = ControllerContextFor(scope.ServiceProvider);
        return await controller.Return(outTradeNo, CancellationToken.None);
    }

    /// <summary>What MVC gives a controller: a request with services, route data, an action.</summary>
    public static ControllerContext ControllerContextFor(IServiceProvider services) =>
        new(new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ControllerActionDescriptor()));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Simulator is not null)
            await Simulator.DisposeAsync();
    }
}
