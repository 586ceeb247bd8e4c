using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QfPayAlipay.Benchmarks;

/// <summary>
/// The baseline: Kestrel on 127.0.0.1 with one endpoint that reads the body and answers SUCCESS. Whatever the real
/// route costs beyond this is the plugin's share.
/// </summary>
public sealed class BareSuccessEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareSuccessEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<BareSuccessEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/notify", async (HttpRequest request) =>
        {
            // Read the body as the real route does, so both sides pay for the bytes on the wire.
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Text("SUCCESS", "text/plain; charset=utf-8");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BareSuccessEndpoint(app, new Uri(address.TrimEnd('/') + "/notify"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
