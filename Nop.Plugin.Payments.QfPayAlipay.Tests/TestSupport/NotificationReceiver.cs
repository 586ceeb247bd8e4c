using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A stand-in shop for tests (simulator, protocol and refund-handler tests alike): a tiny Kestrel app on 127.0.0.1 with a free port that records every notification
/// (raw bytes and headers) posted to <see cref="NotifyUrl"/>, answers them from a configurable sequence (then with
/// 200 "SUCCESS"), and records the browser's arrival at <see cref="ReturnUrl"/>.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<ReceivedNotification> notifications = [];
    private readonly List<string> returns = [];
    private readonly Queue<ReceiverAnswer> answers = new();
    private int inFlight;

    private NotificationReceiver(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri NotifyUrl => new(BaseAddress, "notify");

    public Uri ReturnUrl => new(BaseAddress, "return");

    /// <summary>How this receiver answers once the sequence given to <see cref="AnswerWith"/> is used up.</summary>
    public ReceiverAnswer Fallback { get; set; } = ReceiverAnswer.Success;

    public IReadOnlyList<ReceivedNotification> Notifications
    {
        get
        {
            lock (gate)
                return notifications.ToArray();
        }
    }

    /// <summary>The path and query of every GET to <see cref="ReturnUrl"/>.</summary>
    public IReadOnlyList<string> Returns
    {
        get
        {
            lock (gate)
                return returns.ToArray();
        }
    }

    /// <summary>The most notifications that were being answered at the same moment.</summary>
    public int MaxConcurrentNotifications { get; private set; }

    public static async Task<NotificationReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/notify", receiver.ReceiveAsync);
        app.MapGet("/return", context =>
        {
            lock (receiver.gate)
                receiver.returns.Add(context.Request.Path + context.Request.QueryString);
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("back at the shop", context.RequestAborted);
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Answers the next notifications with these, in order; later ones get <see cref="Fallback"/>.</summary>
    public void AnswerWith(params ReceiverAnswer[] sequence)
    {
        lock (gate)
        {
            answers.Clear();
            foreach (var answer in sequence)
                answers.Enqueue(answer);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> notifications arrived.</summary>
    public async Task<IReadOnlyList<ReceivedNotification>> WaitForNotificationsAsync(int count, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (Notifications.Count < count)
        {
            if (expiry.IsCancellationRequested)
                throw new TimeoutException($"Expected {count} notification(s), got {Notifications.Count} within {timeout}.");
            await Task.Delay(10, CancellationToken.None);
        }

        return Notifications;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref inFlight);
        lock (gate)
            MaxConcurrentNotifications = Math.Max(MaxConcurrentNotifications, now);

        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);

            ReceiverAnswer answer;
            lock (gate)
            {
                notifications.Add(new ReceivedNotification(buffer.ToArray(), headers, DateTimeOffset.UtcNow));
                answer = answers.Count > 0 ? answers.Dequeue() : Fallback;
            }

            if (answer.Delay > TimeSpan.Zero)
                await Task.Delay(answer.Delay, context.RequestAborted);

            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One notification as it arrived: the exact body bytes and the request headers.</summary>
public sealed record ReceivedNotification(byte[] RawBody, IReadOnlyDictionary<string, string> Headers, DateTimeOffset Time)
{
    public string Body => Encoding.UTF8.GetString(RawBody);

    public string? Signature => Headers.GetValueOrDefault("X-QF-SIGN");
}

/// <summary>How the receiver answers one notification; <see cref="Delay"/> holds the answer back.</summary>
public sealed record ReceiverAnswer(int StatusCode, string Body, TimeSpan Delay = default)
{
    public static ReceiverAnswer Success { get; } = new(StatusCodes.Status200OK, "SUCCESS");

    public static ReceiverAnswer ServerError { get; } = new(StatusCodes.Status500InternalServerError, "oops");

    /// <summary>HTTP 200 with a body other than SUCCESS still counts as not delivered (docs/qfpay-protocol.md §6.5).</summary>
    public static ReceiverAnswer WrongBody { get; } = new(StatusCodes.Status200OK, "FAIL");
}
