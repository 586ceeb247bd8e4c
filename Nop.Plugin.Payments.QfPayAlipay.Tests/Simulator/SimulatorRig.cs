using System.Net;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

/// <summary>
/// What most simulator tests need: the simulator in-process (notification retries 1000 times faster), a shop that
/// receives notifications, and a signed client for the default merchant.
/// </summary>
public sealed class SimulatorRig : IAsyncDisposable
{
    private SimulatorRig(QfPaySimulatorHost host, NotificationReceiver receiver)
    {
        Host = host;
        Receiver = receiver;
        Client = new SimulatorClient(host.BaseAddress, host.DefaultMerchant);
    }

    public QfPaySimulatorHost Host { get; }

    public NotificationReceiver Receiver { get; }

    public SimulatorClient Client { get; }

    public static async Task<SimulatorRig> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { RetryTimeScale = 0.001 };
        configure?.Invoke(options);
        var receiver = await NotificationReceiver.StartAsync();
        try
        {
            return new SimulatorRig(await QfPaySimulatorHost.StartAsync(options), receiver);
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a payment that notifies this rig's receiver and returns to it; returns the syssn.</summary>
    public async Task<string> CreatePaymentAsync(string outTradeNo, long amount = 12800)
    {
        var reply = await Client.CreatePaymentAsync(outTradeNo, amount, Receiver.NotifyUrl, Receiver.ReturnUrl);
        Assert.That(reply.Respcd, Is.EqualTo("0000"), reply.Text);
        return reply["syssn"];
    }

    /// <summary>Creates a payment, pays it at the cashier and waits until its notification settled.</summary>
    public async Task<string> CreatePaidPaymentAsync(string outTradeNo, long amount = 12800)
    {
        var syssn = await CreatePaymentAsync(outTradeNo, amount);
        using var paid = await Host.PayAsync(syssn);
        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await Host.WaitForDeliveriesToSettleAsync(TimeSpan.FromSeconds(10));
        return syssn;
    }

    public SimulatorClient ClientFor(SimulatedMerchant merchant, TimeSpan? timeout = null) =>
        new(Host.BaseAddress, merchant, timeout);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
