using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Services.Payments;

namespace QfPayAlipay.Benchmarks;

/// <summary>
/// What PostProcessPaymentAsync adds to QFPay's own latency: each round times one checkout redirect and, right after,
/// one bare create-payment call through the same typed client (the simulator answers at once). Calls are paced below
/// QFPay's 100/s so that the shared rate limiter never waits and neither side is timed waiting for it.
/// </summary>
public static class CheckoutOverhead
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(25);

    public static async Task<CheckoutResult> RunAsync(LiveShop shop, Func<Order> newOrder, int checkouts)
    {
        var account = SimulatorScenario.AccountFor(shop.Simulator);
        var redirect = new List<double>();
        var bare = new List<double>();
        for (var i = -5; i < checkouts; i++)
        {
            var redirectMs = await TimePostProcessAsync(shop, newOrder());
            await Task.Delay(Pace);
            var bareMs = await TimeCreatePaymentAsync(shop, account, i);
            await Task.Delay(Pace);
            if (i < 0)
                continue; // warm-up

            redirect.Add(redirectMs);
            bare.Add(bareMs);
        }

        return new CheckoutResult(Median(redirect), Percentile(redirect, 0.95), Median(bare), Percentile(bare, 0.95));
    }

    private static async Task<double> TimePostProcessAsync(LiveShop shop, Order order)
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var context = new DefaultHttpContext();
        var method = PaymentMethodFactory.Create(scope.ServiceProvider, new HttpContextAccessor { HttpContext = context });
        var request = new PostProcessPaymentRequest { Order = order };
        var stopwatch = Stopwatch.StartNew();
        await method.PostProcessPaymentAsync(request);
        stopwatch.Stop();
        if (context.Response.StatusCode != StatusCodes.Status302Found)
            throw new InvalidOperationException($"checkout of order {order.Id} did not redirect (status {context.Response.StatusCode})");
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeCreatePaymentAsync(LiveShop shop, QfPayAccount account, int i)
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<QfPayClient>();
        var payment = SimulatorScenario.Payment(OutTradeNumber.ForPayment($"B{i + 10}", 1), 12800);
        var stopwatch = Stopwatch.StartNew();
        var result = await client.CreatePaymentAsync(account, payment);
        stopwatch.Stop();
        result.EnsureSuccess();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}

public sealed record CheckoutResult(double RedirectMedianMs, double RedirectP95Ms, double QfPayMedianMs, double QfPayP95Ms)
{
    public double AddedMedianMs => RedirectMedianMs - QfPayMedianMs;
}
