using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Infrastructure;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;
using QfPaySimulator;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// A nopCommerce store as the plugin sees it: the plugin's own registrations (Infrastructure/NopStartup) on top of
/// Moq stand-ins for nopCommerce's services, in-memory attempt, claim and refund tables with the database's unique keys,
/// orders that behave like nopCommerce's (CanMarkOrderAsPaid, MarkOrderAsPaidAsync), notes and log in memory.
/// </summary>
public class Shop
{
    public const int StoreId = 1;

    private readonly ConcurrentDictionary<int, Order> _orders = new();
    private readonly ConcurrentQueue<OrderNote> _notes = new();
    private int _lastOrderId = 10024;
    private int _markPaidCalls;
    private EngineDatabase? _database;
    private ShopTables? _tables;

    public Shop(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        Settings = new QfPayAlipaySettings
        {
            AppCode = SimulatorOptions.DemoMerchant.AppCode,
            ClientKey = SimulatorOptions.DemoMerchant.ClientKey,
            Environment = QfPayEnvironment.Custom,
            CustomBaseUrl = "http://127.0.0.1:9/",
            PayType = QfPayPayType.AlipayHongKongWap,
            ChargeCurrency = "HKD",
            PaymentExpiryMinutes = 30,
        };
        StoreSettings[0] = Settings;
        StoreSettings[StoreId] = Settings;
        Currencies["HKD"] = new Currency { Id = 1, CurrencyCode = "HKD", Rate = 1m, Published = true, Name = "Hong Kong dollar" };
        Currencies["CNY"] = new Currency { Id = 2, CurrencyCode = "CNY", Rate = 0.92m, Published = true, Name = "Yuan" };

        OrderService.Setup(s => s.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => _orders.GetValueOrDefault(id)!);
        OrderService.Setup(s => s.GetOrderByGuidAsync(It.IsAny<Guid>()))
            .ReturnsAsync((Guid guid) => _orders.Values.FirstOrDefault(o => o.OrderGuid == guid)!);
        OrderService.Setup(s => s.UpdateOrderAsync(It.IsAny<Order>())).Returns(Task.CompletedTask);
        OrderService.Setup(s => s.InsertOrderNoteAsync(It.IsAny<OrderNote>())).Callback((OrderNote note) => _notes.Enqueue(note)).Returns(Task.CompletedTask);

        OrderProcessing.Setup(p => p.CanMarkOrderAsPaid(It.IsAny<Order>())).Returns((Order order) => CanMarkPaid(order));
        OrderProcessing.Setup(p => p.MarkOrderAsPaidAsync(It.IsAny<Order>())).Returns(async (Order order) =>
        {
            Interlocked.Increment(ref _markPaidCalls);
            MarkPaidByOrder.AddOrUpdate(order.Id, 1, static (_, calls) => calls + 1);
            if (!CanMarkPaid(order))
                throw new NopException("You can't mark this order as paid");

            RecordNopCall(nameof(IOrderProcessingService.MarkOrderAsPaidAsync));
            // nopCommerce saves, notes, re-checks the status and sends e-mails here; the delay widens race windows.
            await Task.Delay(MarkPaidDelay);
            order.PaymentStatus = PaymentStatus.Paid;
            order.PaidDateUtc = Clock.GetUtcNow().UtcDateTime;
            order.OrderStatus = OrderStatus.Processing;
        });

        SettingService.Setup(s => s.LoadSettingAsync<QfPayAlipaySettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => StoreSettings.TryGetValue(storeId, out var settings) ? settings : StoreSettings[0]);

        StoreService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => id == StoreId ? new Store { Id = StoreId, Name = "Demo store", Url = BaseUrl } : null!);
        StoreService.Setup(s => s.GetAllStoresAsync())
            .ReturnsAsync(() => [new Store { Id = StoreId, Name = "Demo store", Url = BaseUrl }]);

        CurrencyService.Setup(s => s.GetCurrencyByCodeAsync(It.IsAny<string>()))
            .ReturnsAsync((string code) => Currencies.GetValueOrDefault(code ?? string.Empty)!);
        CurrencyService.Setup(s => s.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>()))
            .ReturnsAsync((decimal amount, Currency currency) => amount * currency.Rate);

        CustomerService.Setup(c => c.GetOrCreateBackgroundTaskUserAsync()).ReturnsAsync(BackgroundTaskCustomer);
        WorkContext.Setup(w => w.SetCurrentCustomerAsync(It.IsAny<Customer>())).Callback((Customer customer) => RecordCurrentCustomer(customer))
            .Returns(Task.CompletedTask);

        WebHelper.Setup(w => w.GetStoreLocation(It.IsAny<bool?>())).Returns(() => BaseUrl);
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(() => new Store { Id = StoreId, Name = "Demo store", Url = BaseUrl });
    }

    public TimeProvider Clock { get; }

    /// <summary>The store URL (Store.Url and the request's store location); the live shop sets it to its Kestrel address.</summary>
    public string BaseUrl { get; set; } = "http://shop.test/";

    public QfPayAlipaySettings Settings { get; }

    public Dictionary<int, QfPayAlipaySettings> StoreSettings { get; } = [];

    public Dictionary<string, Currency> Currencies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public InMemoryPaymentAttemptStore Attempts { get; } = new();

    public InMemorySettlementClaimStore Claims { get; } = new();

    public InMemoryRefundStore Refunds { get; } = new();

    public InMemoryWorkClaimStore WorkClaims { get; } = new();

    public RecordingLogger Log { get; } = new();

    public Mock<IOrderService> OrderService { get; } = new();

    public Mock<IOrderProcessingService> OrderProcessing { get; } = new();

    public Mock<ISettingService> SettingService { get; } = new();

    public Mock<IStoreService> StoreService { get; } = new();

    public Mock<ICurrencyService> CurrencyService { get; } = new();

    public Mock<IWebHelper> WebHelper { get; } = new();

    public Mock<IStoreContext> StoreContext { get; } = new();

    /// <summary>The admin's work context: no vendor unless a test sets one.</summary>
    public Mock<IWorkContext> WorkContext { get; } = new();

    public Mock<ICustomerService> CustomerService { get; } = new();

    /// <summary>nopCommerce's built-in customer its background work runs as (NopCustomerDefaults.BackgroundTaskCustomerName).</summary>
    public Customer BackgroundTaskCustomer { get; } = new() { Id = 2, SystemName = "BackgroundTask", IsSystemAccount = true, Email = "builtin@background-task-record.com" };

    /// <summary>
    /// In order, the calls into nopCommerce a test may want to see the sequence of: "current customer: &lt;system name or
    /// email&gt;" when the plugin sets the request's customer, "MarkOrderAsPaidAsync" when it marks an order paid.
    /// </summary>
    public IReadOnlyList<string> NopCalls => _nopCalls.ToArray();

    private readonly ConcurrentQueue<string> _nopCalls = new();

    public void RecordCurrentCustomer(Customer customer) => RecordNopCall($"current customer: {customer.SystemName ?? customer.Email ?? "(guest)"}");

    private void RecordNopCall(string call) => _nopCalls.Enqueue(call);

    public Mock<IIntegrationHealthLog> HealthLog { get; } = new();

    /// <summary>nopCommerce's schedule tasks; the configure page reads the reconciliation task's next run from it.</summary>
    public Mock<IScheduleTaskService> ScheduleTasks { get; } = new();

    public SettlementTimings Timings { get; set; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));

    /// <summary>
    /// <see cref="Timings"/> for a shop on a clock that only moves when the test moves it (FakeTimeProvider): no waiting
    /// for another holder of a settlement claim, because a delay on such a clock never ends.
    /// </summary>
    public static SettlementTimings TimingsForFakeClock { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), TimeSpan.Zero, TimeSpan.FromMilliseconds(10));

    public QfPayTimeouts Timeouts { get; set; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

    public TimeSpan MarkPaidDelay { get; set; }

    /// <summary>Holder tokens of simulated nodes that crashed (see <see cref="TestClaimHolder"/>).</summary>
    public ConcurrentDictionary<string, bool> CrashedHolders { get; } = new();

    /// <summary>The claim holder of the container built last (each container is one simulated web node).</summary>
    public TestClaimHolder? LastHolder { get; private set; }

    private int _nodes;

    /// <summary>
    /// When set, the plugin's tables live in this test database instead of in memory: every container built from this
    /// shop is a web node with its own connection pool on it, running the plugin's Repository* stores and health log
    /// (<see cref="DatabaseRegistrations"/>). Set it before the first container is built.
    /// </summary>
    public EngineDatabase? Database
    {
        get => _database;
        set
        {
            _database = value;
            _tables = null;
        }
    }

    /// <summary>The plugin's tables, wherever they live (<see cref="Database"/>, or the in-memory stores above).</summary>
    public ShopTables Tables => _tables ??= Database is null ? new ShopTables.InMemory(this) : new ShopTables.InDatabase(Database);

    /// <summary>Registrations applied last, e.g. the benchmark's indexed tables in place of the scanning in-memory ones.</summary>
    public Action<IServiceCollection>? LastRegistrations { get; set; }

    /// <summary>How often nopCommerce was asked to mark each order paid.</summary>
    public ConcurrentDictionary<int, int> MarkPaidByOrder { get; } = new();

    /// <summary>Every order placed in this shop.</summary>
    public IReadOnlyList<Order> Orders => _orders.Values.OrderBy(static o => o.Id).ToList();

    /// <summary>Counts a mark-as-paid done by a test's own stand-in for nopCommerce's.</summary>
    public void CountMarkPaid() => Interlocked.Increment(ref _markPaidCalls);

    /// <summary>How often nopCommerce was asked to mark an order paid (whether or not it could).</summary>
    public int MarkPaidCalls => Volatile.Read(ref _markPaidCalls);

    public IReadOnlyList<OrderNote> Notes => _notes.ToArray();

    public IEnumerable<string> NotesOf(Order order) => _notes.Where(n => n.OrderId == order.Id).Select(static n => n.Note);

    /// <summary>Points the plugin at a running simulator with its default merchant.</summary>
    public void UseSimulator(QfPaySimulatorHost host)
    {
        Settings.CustomBaseUrl = host.BaseAddress.ToString();
        Settings.AppCode = host.DefaultMerchant.AppCode;
        Settings.ClientKey = host.DefaultMerchant.ClientKey;
        Settings.MerchantId = host.DefaultMerchant.MerchantId;
    }

    /// <summary>A placed order of this method, Pending, as core leaves it before PostProcessPaymentAsync.</summary>
    public Order AddOrder(decimal total = 128m, int storeId = StoreId)
    {
        var order = PendingOrder(Interlocked.Increment(ref _lastOrderId), total, Clock.GetUtcNow().UtcDateTime);
        order.StoreId = storeId;
        _orders[order.Id] = order;
        return order;
    }

    /// <summary>An order of this method in <see cref="StoreId"/> as core places it: Pending, not paid.</summary>
    public static Order PendingOrder(int id, decimal total, DateTime createdOnUtc) => new()
    {
        Id = id,
        OrderGuid = Guid.NewGuid(),
        CustomOrderNumber = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StoreId = StoreId,
        OrderTotal = total,
        PaymentMethodSystemName = QfPayAlipayDefaults.SystemName,
        OrderStatus = OrderStatus.Pending,
        PaymentStatus = PaymentStatus.Pending,
        CreatedOnUtc = createdOnUtc,
    };

    /// <summary>An attempt as PostProcessPaymentAsync leaves it after QFPay created the payment.</summary>
    public QfPayPaymentAttempt SeedAttempt(Order order, long amountMinor = 12800, string currency = "HKD", string? syssn = null,
        PaymentAttemptStatus status = PaymentAttemptStatus.AwaitingPayment, int attemptNumber = 1, DateTime? createdOnUtc = null) =>
        Attempts.Seed(NewAttempt(order, amountMinor, currency, syssn, status, attemptNumber, createdOnUtc));

    private QfPayPaymentAttempt NewAttempt(Order order, long amountMinor, string currency, string? syssn, PaymentAttemptStatus status, int attemptNumber,
        DateTime? createdOnUtc = null)
    {
        var now = createdOnUtc ?? Clock.GetUtcNow().UtcDateTime;
        return new QfPayPaymentAttempt
        {
            OrderId = order.Id,
            StoreId = order.StoreId,
            OutTradeNo = OutTradeNumber.ForPayment(order.CustomOrderNumber, attemptNumber),
            AttemptNumber = attemptNumber,
            AmountMinor = amountMinor,
            CurrencyCode = currency,
            PayType = (int)Settings.PayType,
            Status = status,
            Syssn = syssn ?? NewSyssn(),
            PayUrl = "http://127.0.0.1:9/cashier/x",
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
            ExpiresOnUtc = now + Nop.Plugin.Payments.QfPayAlipay.Services.Checkout.PayUrlFreshness.Lifetime(Settings.PaymentExpiryMinutes),
            ChargedOrderTotal = order.OrderTotal,
        };
    }

    /// <summary><see cref="SeedAttempt"/> into <see cref="Tables"/>, wherever they live.</summary>
    public Task<QfPayPaymentAttempt> SeedAttemptAsync(Order order, long amountMinor = 12800, string currency = "HKD", string? syssn = null,
        PaymentAttemptStatus status = PaymentAttemptStatus.AwaitingPayment, int attemptNumber = 1) =>
        Tables.SeedAttemptAsync(NewAttempt(order, amountMinor, currency, syssn, status, attemptNumber));

    /// <summary>A QFPay-like transaction number.</summary>
    public static string NewSyssn() => "2025031815540002" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The plugin's registrations with this shop's stand-ins; also used by <see cref="LiveShop"/>'s web host.</summary>
    public void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton(Clock);
        services.AddSingleton(Timings);
        services.AddSingleton(Timeouts);
        services.AddLogging();

        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        // The simulator is on loopback; a proxy variable on a build machine must not reroute it.
        services.AddHttpClient<QfPayClient>().ConfigurePrimaryHttpMessageHandler(static () =>
            new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        services.AddHttpClient<Nop.Plugin.Payments.QfPayAlipay.Alipay.AlipayOAuthClient>().ConfigurePrimaryHttpMessageHandler(static () =>
            new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

        services.Replace(ServiceDescriptor.Singleton<IPaymentAttemptStore>(Attempts));
        services.Replace(ServiceDescriptor.Singleton<ISettlementClaimStore>(Claims));
        services.Replace(ServiceDescriptor.Singleton<IRefundStore>(Refunds));
        services.Replace(ServiceDescriptor.Singleton<IWorkClaimStore>(WorkClaims));
        services.Replace(ServiceDescriptor.Singleton(HealthLog.Object));
        services.Replace(ServiceDescriptor.Singleton<IReconciliationSource>(new InMemoryReconciliationSource(Attempts, Claims)));
        services.AddSingleton(ScheduleTasks.Object);
        services.AddSingleton<NopLogger>(Log);
        services.AddSingleton(OrderService.Object);
        services.AddSingleton(OrderProcessing.Object);
        services.AddSingleton(SettingService.Object);
        services.AddSingleton(StoreService.Object);
        services.AddSingleton(CurrencyService.Object);
        services.AddSingleton(WebHelper.Object);
        services.AddSingleton(StoreContext.Object);
        services.TryAddSingleton(WorkContext.Object);
        services.AddSingleton(CustomerService.Object);
        services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
        LastHolder = new TestClaimHolder($"node-{Interlocked.Increment(ref _nodes)}", CrashedHolders);
        services.Replace(ServiceDescriptor.Singleton<ClaimHolder>(LastHolder));
        if (Database is not null)
            DatabaseRegistrations.Register(services, Database, HealthLog.Object);
        LastRegistrations?.Invoke(services);
    }

    /// <summary>A container for tests that need no web host.</summary>
    public IServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        RegisterServices(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>nopCommerce's CanMarkOrderAsPaid (docs/nopcommerce.md §6.2): false for cancelled orders and for paid, refunded or voided payments.</summary>
    public static bool CanMarkPaid(Order order) =>
        order.OrderStatus != OrderStatus.Cancelled
        && order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Voided);
}
