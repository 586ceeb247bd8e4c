using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Notifications;

/// <summary>A bare HTTP endpoint on 127.0.0.1 that keeps each notification's raw bytes and X-QF-SIGN and answers SUCCESS.</summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationReceiver(WebApplication app, Uri notifyUrl)
    {
        _app = app;
        NotifyUrl = notifyUrl;
    }

    public Uri NotifyUrl { get; }

    public ConcurrentQueue<(byte[] Body, string? Signature)> Received { get; } = new();

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        NotificationReceiver? receiver = null;
        app.MapPost("/notify", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            receiver!.Received.Enqueue((buffer.ToArray(), context.Request.Headers["X-QF-SIGN"].FirstOrDefault()));
            return Results.Text("SUCCESS");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver = new NotificationReceiver(app, new Uri(address.TrimEnd('/') + "/notify"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
