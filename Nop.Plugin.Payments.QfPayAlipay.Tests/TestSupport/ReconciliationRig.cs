using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Payments;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A <see cref="Shop"/> with the refund and reconciliation tables in memory, nopCommerce's refund and cancel
/// bookkeeping (docs/nopcommerce.md §6.2), and any number of web nodes: each node is its own container (its own rate limiter
/// and ILocker, as separate processes have), all sharing the database tables, the orders and the clock. QFPay is the
/// local simulator over HTTP, or a fake handler. With a test database (<see cref="WithSimulatorAsync"/>'s database) the
/// tables live there and each node is a web node with its own connection pool on it (<see cref="Shop.Database"/>).
/// </summary>
public sealed class ReconciliationRig : IAsyncDisposable
{
    private readonly List<Node> _nodes = [];
    private readonly Func<HttpMessageHandler>? _primaryHandler;
    private readonly List<HealthEvent> _health = [];

    private ReconciliationRig(TimeProvider clock, QfPaySimulatorHost? simulator, Func<HttpMessageHandler>? primaryHandler, EngineDatabase? database = null)
    {
        Clock = clock;
        Simulator = simulator;
        _primaryHandler = primaryHandler;
        Shop = new Shop(clock) { Database = database };
        Source = new InMemoryReconciliationSource(Shop.Attempts, Shop.Claims);
        if (simulator is not null)
            Shop.UseSimulator(simulator);

        AddNopBookkeeping();
        Shop.HealthLog.Setup(h => h.RecordAsync(It.IsAny<int>(), It.IsAny<IntegrationEventKind>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((int storeId, IntegrationEventKind kind, string? detail, CancellationToken _) =>
            {
                lock (_health)
                    _health.Add(new HealthEvent(storeId, kind, detail));
            })
            .Returns(Task.CompletedTask);
    }

    public TimeProvider Clock { get; }

    public QfPaySimulatorHost? Simulator { get; }

    public Shop Shop { get; }

    public InMemoryRefundStore Refunds => Shop.Refunds;

    /// <summary>The store's locale resources: the plugin's English texts unless a test sets up a translation.</summary>
    public Mock<ILocalizationService> Localization { get; } = EnglishResources.Mock();

    public InMemoryWorkClaimStore WorkClaims => Shop.WorkClaims;

    public InMemoryReconciliationSource Source { get; }

    /// <summary>Notifications from the simulator go here (payment and refund); tests hand them to the handlers.</summary>
    public Uri? NotifyUrl { get; set; }

    public IReadOnlyList<HealthEvent> HealthEvents
    {
        get
        {
            lock (_health)
                return _health.ToArray();
        }
    }

    /// <summary>
    /// A rig whose QFPay is the simulator, reading <paramref name="clock"/> for sysdtm and expiry; its tables in
    /// <paramref name="database"/> when given (the test owns and drops it), else in memory.
    /// </summary>
    public static async Task<ReconciliationRig> WithSimulatorAsync(TimeProvider clock, Action<SimulatorOptions>? configure = null,
        EngineDatabase? database = null)
    {
        var options = new SimulatorOptions { RetryTimeScale = 0.001, TimeProvider = clock, NotificationTimeout = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        return new ReconciliationRig(clock, await QfPaySimulatorHost.StartAsync(options), null, database);
    }

    /// <summary>
    /// Simulator set-up that drops every notification, so a payment's outcome reaches the shop only through a query
    /// (the reconciliation task, "Check status now").
    /// </summary>
    public static void DropNotifications(SimulatorOptions options) =>
        options.Faults.Add(new FaultRule(SimulatorEndpoint.Notification, FaultKind.DropNotification));

    /// <summary>A rig whose QFPay is <paramref name="primaryHandler"/> (a fake answering in-process).</summary>
    public static ReconciliationRig WithHandler(TimeProvider clock, Func<HttpMessageHandler> primaryHandler) => new(clock, null, primaryHandler);

    public Node NewNode()
    {
        var node = new Node(this);
        _nodes.Add(node);
        return node;
    }

    public QfPayAccount Account => MerchantAccountFrom(Shop.Settings);

    /// <summary>A placed order whose payment was created at QFPay and is awaiting payment; <paramref name="pay"/> presses Pay at once.</summary>
    public async Task<(Order Order, QfPayPaymentAttempt Attempt)> OpenPaymentAsync(Node node, long amountMinor = 12800, bool pay = false)
    {
        var order = Shop.AddOrder(amountMinor / 100m);
        return (order, await OpenPaymentAsync(node, order, 1, amountMinor, pay));
    }

    /// <summary>
    /// Another payment of <paramref name="order"/> created at QFPay, with its own out_trade_no: what two open links (two
    /// tabs, a version before the retry guard) leave behind.
    /// </summary>
    public async Task<QfPayPaymentAttempt> OpenPaymentAsync(Node node, Order order, int attemptNumber, long amountMinor = 12800, bool pay = false)
    {
        var outTradeNo = OutTradeNumber.ForPayment(order.CustomOrderNumber, attemptNumber);
        var created = await node.InScopeAsync(services => services.GetRequiredService<QfPayClient>()
            .CreatePaymentAsync(Account, SimulatorScenario.Payment(outTradeNo, amountMinor, NotifyUrl?.ToString())));
        var payment = created.EnsureSuccess();
        if (pay)
            (await Simulator!.PayAsync(payment.Syssn!)).Dispose();

        var now = Clock.GetUtcNow().UtcDateTime;
        return await Shop.Tables.SeedAttemptAsync(new QfPayPaymentAttempt
        {
            OrderId = order.Id,
            StoreId = order.StoreId,
            OutTradeNo = outTradeNo,
            AttemptNumber = attemptNumber,
            AmountMinor = amountMinor,
            CurrencyCode = "HKD",
            PayType = (int)Shop.Settings.PayType,
            Status = PaymentAttemptStatus.AwaitingPayment,
            Syssn = payment.Syssn,
            PayUrl = payment.PayUrl,
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
            // As checkout records them: the link's own expiry, and the total the charge was computed from (HKD at rate 1).
            ExpiresOnUtc = now + Nop.Plugin.Payments.QfPayAlipay.Services.Checkout.PayUrlFreshness.Lifetime(Shop.Settings.PaymentExpiryMinutes),
            ChargedOrderTotal = amountMinor / 100m,
        });
    }

    /// <summary>An order paid through QFPay and settled, as the notification leaves it.</summary>
    public async Task<(Order Order, QfPayPaymentAttempt Attempt)> PaidOrderAsync(Node node, long amountMinor = 12800)
    {
        var (order, attempt) = await OpenPaymentAsync(node, amountMinor, pay: true);
        await Shop.Tables.ChangeAttemptAsync(attempt.Id, new AttemptChange(PaymentAttemptStatus.Paid, "Paid.", Shop.Clock.GetUtcNow().UtcDateTime));
        attempt.Status = PaymentAttemptStatus.Paid;
        order.CaptureTransactionId = attempt.Syssn;
        order.PaymentStatus = PaymentStatus.Paid;
        order.OrderStatus = OrderStatus.Processing;
        return (order, attempt);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();

        if (Simulator is not null)
            await Simulator.DisposeAsync();
    }

    private static QfPayAccount MerchantAccountFrom(QfPayAlipaySettings settings) =>
        Nop.Plugin.Payments.QfPayAlipay.Services.MerchantAccount.From(settings).GetValueOrThrow();

    /// <summary>nopCommerce's cancel and offline-refund rules and bookkeeping (OrderProcessingService, 4.90.6).</summary>
    private void AddNopBookkeeping()
    {
        var processing = Shop.OrderProcessing;
        processing.Setup(p => p.CanCancelOrder(It.IsAny<Order>())).Returns((Order order) => order.OrderStatus != OrderStatus.Cancelled);
        processing.Setup(p => p.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>())).Returns((Order order, bool _) =>
        {
            if (order.OrderStatus == OrderStatus.Cancelled)
                throw new NopException("Cannot do cancel for order.");
            order.OrderStatus = OrderStatus.Cancelled;
            return Task.CompletedTask;
        });

        processing.Setup(p => p.CanRefundOffline(It.IsAny<Order>())).Returns((Order order) => CanRefundOffline(order));
        processing.Setup(p => p.RefundOfflineAsync(It.IsAny<Order>())).Returns((Order order) =>
        {
            if (!CanRefundOffline(order))
                throw new NopException("You can't refund this order");
            order.RefundedAmount += order.OrderTotal;
            order.PaymentStatus = PaymentStatus.Refunded;
            return Task.CompletedTask;
        });

        processing.Setup(p => p.CanPartiallyRefundOffline(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => CanPartiallyRefundOffline(order, amount));
        processing.Setup(p => p.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>())).Returns((Order order, decimal amount) =>
        {
            if (!CanPartiallyRefundOffline(order, amount))
                throw new NopException("You can't partially refund (offline) this order");
            order.RefundedAmount += amount;
            order.PaymentStatus = order.OrderTotal == order.RefundedAmount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            return Task.CompletedTask;
        });
    }

    private static bool CanRefundOffline(Order order) =>
        order.OrderTotal != 0 && order.RefundedAmount == 0 && order.PaymentStatus == PaymentStatus.Paid;

    private static bool CanPartiallyRefundOffline(Order order, decimal amount) =>
        order.OrderTotal != 0 && order.OrderTotal - order.RefundedAmount > 0 && amount <= order.OrderTotal - order.RefundedAmount
        && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;

    public sealed record HealthEvent(int StoreId, IntegrationEventKind Kind, string? Detail);

    /// <summary>One web node: its own container over the shared tables.</summary>
    public sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        internal Node(ReconciliationRig rig)
        {
            Locker.Setup(l => l.PerformActionWithLockAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<Task>>()))
                .Returns(async (string _, TimeSpan _, Func<Task> action) =>
                {
                    await action();
                    return true;
                });

            var services = new ServiceCollection();
            rig.Shop.RegisterServices(services);
            if (rig.Shop.Database is null)
                services.Replace(ServiceDescriptor.Singleton<IReconciliationSource>(rig.Source));
            services.AddSingleton(Locker.Object);
            services.AddSingleton(rig.Localization.Object);
            if (rig._primaryHandler is { } primary)
                services.AddHttpClient<QfPayClient>().ConfigurePrimaryHttpMessageHandler(primary);

            _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }

        public Mock<ILocker> Locker { get; } = new();

        public IServiceProvider Services => _services;

        public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = _services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }

        /// <summary>What nopCommerce's scheduler does: resolve the task unregistered, in a request scope, and run it.</summary>
        public Task RunReconciliationAsync() => InScopeAsync(async services =>
        {
            var task = ActivatorUtilities.CreateInstance<ReconciliationTask>(services);
            await task.ExecuteAsync();
            return true;
        });

        /// <summary>
        /// What nopCommerce's RefundAsync / PartiallyRefundAsync do around the plugin (docs/nopcommerce.md §6.2): call the
        /// payment method, and only on success add the amount and copy the new payment status.
        /// </summary>
        public Task<RefundPaymentResult> RefundThroughNopAsync(Order order, decimal amount, bool partial) => InScopeAsync(async services =>
        {
            var method = PaymentMethodFactory.Create(services);
            var result = await method.RefundAsync(new RefundPaymentRequest { Order = order, AmountToRefund = amount, IsPartialRefund = partial });
            if (result.Success)
            {
                order.RefundedAmount += amount;
                order.PaymentStatus = partial && order.OrderTotal == order.RefundedAmount && result.NewPaymentStatus == PaymentStatus.PartiallyRefunded
                    ? PaymentStatus.Refunded
                    : result.NewPaymentStatus;
            }

            return result;
        });

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
