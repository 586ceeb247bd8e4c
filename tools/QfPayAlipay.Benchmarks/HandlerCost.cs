using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

namespace QfPayAlipay.Benchmarks;

/// <summary>
/// The route's own work without HTTP: one DI scope and one <see cref="NotificationHandler.HandleAsync"/> per
/// notification, on one thread, so the figure is CPU time and allocation of the plugin (and its in-memory stand-ins)
/// alone. Kestrel and MVC are what the throughput comparison adds on top.
/// </summary>
public static class HandlerCost
{
    public static async Task<HandlerCostResult> RunAsync(IServiceProvider services, IReadOnlyList<(byte[] Body, string Signature)> notifications)
    {
        var failures = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        foreach (var (body, signature) in notifications)
        {
            await using var scope = services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<NotificationHandler>();
            var answer = await handler.HandleAsync(new IncomingNotification("POST", body, signature));
            if (answer.Body != NotifyAnswer.SuccessBody)
                failures++;
        }

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new HandlerCostResult(stopwatch.Elapsed.TotalMicroseconds / notifications.Count, (double)allocated / notifications.Count, failures);
    }
}

public sealed record HandlerCostResult(double MicrosecondsPerNotification, double BytesPerNotification, int NotSuccess);
