using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using QfPaySimulator.Alipay;
using QfPaySimulator.Endpoints;
using QfPaySimulator.Faults;
using QfPaySimulator.Hosting;
using QfPaySimulator.Notifications;
using QfPaySimulator.Trades;

namespace QfPaySimulator;

/// <summary>
/// The simulator running inside a test process, on 127.0.0.1 with a free port. Dispose it to stop the server and
/// any notification retries still waiting.
/// </summary>
public sealed class QfPaySimulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient cashier;
    private readonly RequestLog requests;
    private readonly DeliveryLog deliveries;
    private readonly FaultBook faults;
    private readonly NotificationDispatcher notifications;
    private readonly AlipayKeyring alipayKeys;
    private readonly AlipayAuthorizer alipayAuthorizer;

    private QfPaySimulatorHost(WebApplication app, Uri baseAddress, SimulatedMerchant defaultMerchant)
    {
        this.app = app;
        BaseAddress = baseAddress;
        DefaultMerchant = defaultMerchant;
        requests = app.Services.GetRequiredService<RequestLog>();
        deliveries = app.Services.GetRequiredService<DeliveryLog>();
        faults = app.Services.GetRequiredService<FaultBook>();
        notifications = app.Services.GetRequiredService<NotificationDispatcher>();
        alipayKeys = app.Services.GetRequiredService<AlipayKeyring>();
        alipayAuthorizer = app.Services.GetRequiredService<AlipayAuthorizer>();
        cashier = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = baseAddress };
    }

    /// <summary>The simulator's root, e.g. <c>http://127.0.0.1:41234/</c>; API paths go below it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The first of <see cref="SimulatorOptions.Merchants"/>.</summary>
    public SimulatedMerchant DefaultMerchant { get; }

    /// <summary>Every payment, query and refund call so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.Snapshot();

    /// <summary>Every notification attempt so far (dropped notifications make none).</summary>
    public IReadOnlyList<NotificationDelivery> Deliveries => deliveries.Snapshot();

    public static async Task<QfPaySimulatorHost> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var app = SimulatorApplication.BuildInProcess(options);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new QfPaySimulatorHost(app, new Uri(address.TrimEnd('/') + "/"), options.Merchants[0]);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The fake Alipay's app id and test keys, for configuring the shop's 800107 side (see <see cref="AlipaySimulatorOptions"/>).</summary>
    public SimulatedAlipayApp AlipayApp => alipayKeys.App;

    /// <summary>The fake <c>publicAppAuthorize.htm</c>, to use as the shop's Alipay authorisation URL.</summary>
    public Uri AlipayAuthorizeUrl => new(BaseAddress, AlipayEndpoints.AuthorizePath.TrimStart('/'));

    /// <summary>The fake open-platform gateway, to use as the shop's Alipay gateway URL.</summary>
    public Uri AlipayGatewayUrl => new(BaseAddress, AlipayEndpoints.GatewayPath.TrimStart('/'));

    /// <summary>While true, the fake authorisation sends shoppers back without an auth_code.</summary>
    public bool DenyAlipayAuthorization
    {
        get => alipayAuthorizer.DenyAuthorization;
        set => alipayAuthorizer.DenyAuthorization = value;
    }

    /// <summary>
    /// Completes Alipay's <c>tradePay</c> for an 800107 trade over HTTP, as the Alipay app would: pays it and sends the first
    /// notification attempt, then answers <c>{"resultCode":...}</c>. <paramref name="resultCode"/> 4000, 6001 or 6002 pays
    /// nothing; 8000 or 6004 pays but reports uncertainty; <paramref name="userId"/>, when given, must be the trade's openid.
    /// </summary>
    public Task<HttpResponseMessage> TradePayAsync(string tradeNo, string? resultCode = null, string? userId = null, CancellationToken ct = default)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (resultCode is not null)
            fields.Add(new("resultCode", resultCode));
        if (userId is not null)
            fields.Add(new("user_id", userId));
        return cashier.PostAsync($"alipay/tradepay/{Uri.EscapeDataString(tradeNo)}", new FormUrlEncodedContent(fields), ct);
    }

    /// <summary>
    /// What QFPay holds for <paramref name="appCode"/>: every payment (with its state and refunded amount) and every
    /// refund, as one consistent copy. Tests compare the shop's records with it.
    /// </summary>
    public SimulatedLedger Ledger(string appCode)
    {
        var (payments, refunds) = app.Services.GetRequiredService<TradeStore>().ListForMerchant(appCode);
        var now = app.Services.GetRequiredService<QfPayClock>().Now;
        return new SimulatedLedger(
            payments.Select(p => new SimulatedPayment(p.Syssn, p.OutTradeNo, p.Txamt, p.Txcurrcd, p.StateAt(now) == PaymentState.Paid, p.RefundedAmount)).ToArray(),
            refunds.Select(static r => new SimulatedRefund(r.Syssn, r.OutTradeNo, r.OrigSyssn, r.Txamt)).ToArray());
    }

    public void AddFault(FaultRule rule) => faults.Add(rule);

    /// <summary>Removes every fault rule, those from <see cref="SimulatorOptions.Faults"/> included.</summary>
    public void ClearFaults() => faults.Clear();

    /// <summary>Presses Pay on the cashier page over HTTP; the answer is the redirect to return_url (not followed).</summary>
    public Task<HttpResponseMessage> PayAsync(string syssn, CancellationToken ct = default) =>
        cashier.PostAsync($"cashier/{Uri.EscapeDataString(syssn)}/pay", new FormUrlEncodedContent([]), ct);

    /// <summary>Presses Cancel on the cashier page over HTTP; the answer is the redirect to return_url (not followed).</summary>
    public Task<HttpResponseMessage> CancelAsync(string syssn, CancellationToken ct = default) =>
        cashier.PostAsync($"cashier/{Uri.EscapeDataString(syssn)}/cancel", new FormUrlEncodedContent([]), ct);

    /// <summary>
    /// Waits until no notification is pending, i.e. every one was acknowledged, dropped or given up after 8 attempts.
    /// With a large <see cref="SimulatorOptions.RetryTimeScale"/> that can take a day: throws <see cref="TimeoutException"/>.
    /// </summary>
    public async Task WaitForDeliveriesToSettleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        while (notifications.Pending > 0)
        {
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"{notifications.Pending} notification(s) still pending after {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        cashier.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>What the simulator's QFPay holds for one merchant (see <see cref="QfPaySimulatorHost.Ledger"/>).</summary>
public sealed record SimulatedLedger(IReadOnlyList<SimulatedPayment> Payments, IReadOnlyList<SimulatedRefund> Refunds);

/// <param name="Paid">QFPay took the money (whether refunded since or not).</param>
/// <param name="Refunded">What QFPay has refunded of it, in minor units.</param>
public sealed record SimulatedPayment(string Syssn, string OutTradeNo, long Txamt, string Txcurrcd, bool Paid, long Refunded);

public sealed record SimulatedRefund(string Syssn, string OutTradeNo, string OrigSyssn, long Txamt);
