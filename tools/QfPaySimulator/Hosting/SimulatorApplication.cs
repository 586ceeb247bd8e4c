using System.Net;
using QfPaySimulator.Alipay;
using QfPaySimulator.Cashier;
using QfPaySimulator.Endpoints;
using QfPaySimulator.Faults;
using QfPaySimulator.Notifications;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Hosting;

/// <summary>Builds the simulator's web application, for the command line and for tests in-process.</summary>
internal static class SimulatorApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The command-line app: configuration, console logging and <c>--urls</c> as usual; 127.0.0.1:5080 unless told otherwise.</summary>
    public static WebApplication BuildStandalone(SimulatorOptions options, string[] args)
    {
        options.Validate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        AddServices(builder.Services, options);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>A quiet app for tests: Kestrel on 127.0.0.1 with a free port, no configuration files, no log output.</summary>
    public static WebApplication BuildInProcess(SimulatorOptions options)
    {
        options.Validate();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        AddServices(builder.Services, options);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, SimulatorOptions options)
    {
        // Held requests (Timeout faults) end on ApplicationStopping; a short shutdown keeps test runs quick.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        services.AddSingleton(options);
        services.AddSingleton(new QfPayClock(options.TimeProvider));
        services.AddSingleton(new FaultBook(options.Faults));
        services.AddSingleton<SyssnGenerator>();
        services.AddSingleton<TradeStore>();
        services.AddSingleton<MerchantDirectory>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<PaymentOperation>();
        services.AddSingleton<QueryOperation>();
        services.AddSingleton<RefundOperation>();
        services.AddSingleton<AlipayKeyring>();
        services.AddSingleton<AlipayAuthCodeBook>();
        services.AddSingleton<AlipayAuthorizer>();
        services.AddSingleton<AlipayTokenOperation>();
        services.AddSingleton<AlipayTradePay>();
    }

    private static void MapEndpoints(WebApplication app)
    {
        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        var payment = app.Services.GetRequiredService<PaymentOperation>();
        var query = app.Services.GetRequiredService<QueryOperation>();
        var refund = app.Services.GetRequiredService<RefundOperation>();

        // QFPay's paths (docs/qfpay-protocol.md §4, §7, §8.1), all POST with form bodies (§2.1).
        app.MapPost("/trade/v1/payment", context => pipeline.HandleAsync(context, payment));
        app.MapPost("/trade/v1/query", context => pipeline.HandleAsync(context, query));
        app.MapPost("/trade/v1/refund", context => pipeline.HandleAsync(context, refund));

        CashierEndpoints.Map(app);
        ControlEndpoints.Map(app);
        AlipayEndpoints.Map(app);

        app.MapGet("/", context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(
                "QFPay simulator (not QFPay). POST /trade/v1/payment, /trade/v1/query, /trade/v1/refund; "
                + "cashier at /cashier/{syssn}; control API at /_simulator/requests, /_simulator/deliveries, /_simulator/faults; "
                + "fake Alipay (800107) at /alipay/oauth2/publicAppAuthorize.htm, /alipay/gateway.do, /alipay/tradepay/{tradeNO}.\n",
                context.RequestAborted);
        });
    }
}
