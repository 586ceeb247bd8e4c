using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Payments.QfPayAlipay;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;
using QfPayAlipay.Benchmarks;
using QfPayAlipay.Benchmarks.StandIns;
using QfPaySimulator;

// Issue #8's benchmarks: the notification route against a bare SUCCESS endpoint in the same run, and the time the
// checkout redirect adds to QFPay's. Run: dotnet run -c Release --project tools/QfPayAlipay.Benchmarks [-- --requests N
// --concurrency C --rounds R --checkouts M --warmup-seconds S]. Everything listens on 127.0.0.1 only.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
    $"{RuntimeInformation.ProcessArchitecture}; server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine($"run: {options}");

var store = new BenchmarkStore();
await using var shop = await LiveShop.StartAsync(s => s.LastRegistrations = services => store.Register(services, s.Settings, () => s.BaseUrl));
await using var bare = await BareSuccessEndpoint.StartAsync();
using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Concurrency * 2 });
var key = shop.Settings.ClientKey!;

// QFPay's transaction numbers are unique; random ones (as the tests draw them) would repeat within a long run, and a
// repeated syssn is rightly a duplicate payment.
var syssnCounter = 0L;
string UniqueSyssn() => "20250318155400" + Interlocked.Increment(ref syssnCounter).ToString("D12", CultureInfo.InvariantCulture);

// A fresh order per notification: the route's full work (verify, parse, claim, mark paid, note, attempt, claim).
List<(byte[] Body, string Signature)> FreshNotifications(int count) => Enumerable.Range(0, count).Select(_ =>
{
    var order = store.Orders.Add();
    var now = DateTime.UtcNow;
    var attempt = new QfPayPaymentAttempt
    {
        OrderId = order.Id,
        StoreId = order.StoreId,
        OutTradeNo = OutTradeNumber.ForPayment(order.CustomOrderNumber, 1),
        AttemptNumber = 1,
        AmountMinor = 12800,
        CurrencyCode = "HKD",
        PayType = (int)shop.Settings.PayType,
        Status = PaymentAttemptStatus.AwaitingPayment,
        Syssn = UniqueSyssn(),
        CreatedOnUtc = now,
        UpdatedOnUtc = now,
    };
    store.Attempts.InsertAsync(attempt).GetAwaiter().GetResult();
    var body = Encoding.UTF8.GetBytes(SignedNotification.PaymentFor(attempt).ToBody());
    return (body, NotificationSignature.Compute(body, key));
}).ToList();

// Until the JIT has finished tiering up every path (a few seconds of traffic each), a round measures the compiler.
var warmUpUntil = DateTime.UtcNow.AddSeconds(options.WarmUpSeconds);
var settledInWarmUp = 0;
while (DateTime.UtcNow < warmUpUntil)
{
    store.Reset();
    var warmUp = FreshNotifications(1_000);
    await NotificationLoad.RunAsync(client, bare.Url, warmUp, options.Concurrency);
    await NotificationLoad.RunAsync(client, shop.NotifyUrl, warmUp, options.Concurrency);
    await NotificationLoad.RunAsync(client, shop.NotifyUrl, warmUp, options.Concurrency);
    settledInWarmUp += warmUp.Count;
}

var bareRuns = new List<LoadResult>();
var settleRuns = new List<LoadResult>();
var duplicateRuns = new List<LoadResult>();
for (var round = 1; round <= options.Rounds; round++)
{
    store.Reset();
    var notifications = FreshNotifications(options.Requests);
    // The bare endpoint goes first in odd rounds and last in even ones, so a machine that speeds up or slows down
    // during the run does not favour either side.
    if (round % 2 == 1)
        bareRuns.Add(await NotificationLoad.RunAsync(client, bare.Url, notifications, options.Concurrency));
    settleRuns.Add(await NotificationLoad.RunAsync(client, shop.NotifyUrl, notifications, options.Concurrency));
    // QFPay's retries of an acknowledged notification: verified, found settled, answered SUCCESS.
    duplicateRuns.Add(await NotificationLoad.RunAsync(client, shop.NotifyUrl, notifications, options.Concurrency));
    if (round % 2 == 0)
        bareRuns.Add(await NotificationLoad.RunAsync(client, bare.Url, notifications, options.Concurrency));
    Console.WriteLine($"round {round}: bare {bareRuns[^1].PerSecond:0}/s, notify (settle) {settleRuns[^1].PerSecond:0}/s, " +
        $"notify (duplicate) {duplicateRuns[^1].PerSecond:0}/s, ratio {settleRuns[^1].PerSecond / bareRuns[^1].PerSecond:0.00} / {duplicateRuns[^1].PerSecond / bareRuns[^1].PerSecond:0.00}");
}

string GcSummary(List<LoadResult> runs) =>
    $"{10_000.0 * runs.Sum(static r => r.Collections) / runs.Sum(static r => r.Requests):0.0} ({runs.Sum(static r => r.GcPause.Ticks) / (double)runs.Sum(static r => r.Elapsed.Ticks):P0})";
LoadResult Median(List<LoadResult> runs) => runs.OrderBy(static r => r.PerSecond).ElementAt(runs.Count / 2);
double MedianRatio(List<LoadResult> runs) => runs.Zip(bareRuns, static (run, baseline) => run.PerSecond / baseline.PerSecond).Order().ElementAt(runs.Count / 2);
var (bareMedian, settleMedian, duplicateMedian) = (Median(bareRuns), Median(settleRuns), Median(duplicateRuns));
var notSuccess = settleRuns.Concat(duplicateRuns).Sum(static r => r.NotSuccess);
var settled = settledInWarmUp + options.Rounds * options.Requests;

// The handler alone, on one thread: its CPU time and allocations without Kestrel, MVC and the load generator.
store.Reset();
var handlerWarmUp = FreshNotifications(5_000);
await HandlerCost.RunAsync(shop.Services, handlerWarmUp);
await HandlerCost.RunAsync(shop.Services, handlerWarmUp);
store.Reset();
var handlerNotifications = FreshNotifications(options.Requests * 2);
var handlerSettle = await HandlerCost.RunAsync(shop.Services, handlerNotifications);
var handlerDuplicate = await HandlerCost.RunAsync(shop.Services, handlerNotifications);
settled += handlerWarmUp.Count + handlerNotifications.Count;
notSuccess += handlerSettle.NotSuccess + handlerDuplicate.NotSuccess;

var checkout = await CheckoutOverhead.RunAsync(shop, () => store.Orders.Add(), options.Checkouts);

Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| bare ASP.NET Core SUCCESS endpoint | {bareMedian.PerSecond:0} notifications/s |");
Console.WriteLine($"| real notify route, first delivery (settles the order) | {settleMedian.PerSecond:0} notifications/s |");
Console.WriteLine($"| real notify route, repeated delivery (duplicate) | {duplicateMedian.PerSecond:0} notifications/s |");
Console.WriteLine($"| ratio real/bare, first delivery (median of the rounds' ratios; a description, not a goal) | {MedianRatio(settleRuns):0.00} |");
Console.WriteLine($"| ratio real/bare, duplicate | {MedianRatio(duplicateRuns):0.00} |");
Console.WriteLine($"| garbage collections per 10,000 notifications, and share of the time paused, all rounds: bare / first / duplicate | " +
    $"{GcSummary(bareRuns)} / {GcSummary(settleRuns)} / {GcSummary(duplicateRuns)} |");
Console.WriteLine($"| allocated per notification, bare (client + server, whole process) | {bareMedian.BytesPerRequest / 1024:0.0} KB |");
Console.WriteLine($"| allocated per notification, real route first delivery (same) | {settleMedian.BytesPerRequest / 1024:0.0} KB |");
Console.WriteLine($"| allocated per notification by the route beyond bare (first / duplicate) | {(settleMedian.BytesPerRequest - bareMedian.BytesPerRequest) / 1024:0.0} KB / {(duplicateMedian.BytesPerRequest - bareMedian.BytesPerRequest) / 1024:0.0} KB |");
Console.WriteLine($"| handler alone, one thread, no HTTP (first / duplicate) | {handlerSettle.MicrosecondsPerNotification:0.0} µs / {handlerDuplicate.MicrosecondsPerNotification:0.0} µs, " +
    $"{handlerSettle.BytesPerNotification / 1024:0.0} KB / {handlerDuplicate.BytesPerNotification / 1024:0.0} KB allocated |");
Console.WriteLine($"| QFPay create-payment call alone (simulator, 0 ms latency), median / p95 | {checkout.QfPayMedianMs:0.00} ms / {checkout.QfPayP95Ms:0.00} ms |");
Console.WriteLine($"| PostProcessPaymentAsync, median / p95 | {checkout.RedirectMedianMs:0.00} ms / {checkout.RedirectP95Ms:0.00} ms |");
Console.WriteLine($"| time added by PostProcessPaymentAsync beyond QFPay (median, target < 2 ms) | {checkout.AddedMedianMs:0.00} ms |");
Console.WriteLine($"| answers other than SUCCESS on the real route | {notSuccess} |");
Console.WriteLine($"| orders settled / mark-as-paid calls (each order once, duplicates never) | {settled} / {store.Orders.MarkPaidCalls} |");
Console.WriteLine($"| log lines written: information / warning / error | {store.Log.Count(LogLevel.Information)} / {store.Log.Count(LogLevel.Warning)} / {store.Log.Count(LogLevel.Error)} |");

// In a store a notification costs database statements, not microseconds (issue #14): the statements each kind of post
// sends through nopCommerce's data layer, on SQLite always and on PostgreSQL when QFPAY_TEST_POSTGRES names a server
// (.ci/engines.sh starts one on 127.0.0.1).
Console.WriteLine();
var engines = new List<TestEngine> { new SqliteEngine() };
if (Environment.GetEnvironmentVariable(PostgreSqlEngine.Variable) is { Length: > 0 } postgres)
{
    var engine = new PostgreSqlEngine(postgres);
    await engine.ConnectAsync();
    engines.Add(engine);
}
else
{
    Console.WriteLine($"database cost on PostgreSQL: skipped ({PostgreSqlEngine.Variable} is not set)");
}

foreach (var engine in engines)
{
    var costs = await NotificationCostMeter.MeasureAsync(engine);
    Console.WriteLine($"database cost on {costs.Engine}:");
    foreach (var line in costs.Lines())
        Console.WriteLine(line);
}

return notSuccess == 0 && store.Orders.MarkPaidCalls == settled ? 0 : 1;
