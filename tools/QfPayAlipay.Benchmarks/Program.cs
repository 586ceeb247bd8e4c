using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPayAlipay.Benchmarks;
using QfPaySimulator;

// Issue #8's benchmarks: the notification route against a bare SUCCESS endpoint in the same run, and the time the
// checkout redirect adds to QFPay's. Run: dotnet run -c Release --project tools/QfPayAlipay.Benchmarks [-- --requests N
// --concurrency C --rounds R --checkouts M]. Everything listens on 127.0.0.1 only.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
    $"{RuntimeInformation.ProcessArchitecture}; server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine($"run: {options}");

var attempts = new IndexedAttemptStore();
await using var shop = await LiveShop.StartAsync(s => s.LastRegistrations = services =>
    services.Replace(ServiceDescriptor.Singleton<IPaymentAttemptStore>(attempts)));
await using var bare = await BareSuccessEndpoint.StartAsync();
await using var mvc = await BareSuccessEndpoint.StartMvcAsync();
using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Concurrency * 2 });
var key = shop.Settings.ClientKey!;

// A fresh order per notification: the route's full work (verify, parse, claim, mark paid, note, attempt, claim).
List<(byte[] Body, string Signature)> FreshNotifications(int count) => Enumerable.Range(0, count).Select(_ =>
{
    var order = shop.AddOrder();
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
        Syssn = Shop.NewSyssn(),
        CreatedOnUtc = now,
        UpdatedOnUtc = now,
    };
    attempts.InsertAsync(attempt).GetAwaiter().GetResult();
    var body = Encoding.UTF8.GetBytes(SignedNotification.PaymentFor(attempt).ToBody());
    return (body, NotificationSignature.Compute(body, key));
}).ToList();

var warmUp = FreshNotifications(Math.Min(500, options.Requests));
await NotificationLoad.RunAsync(client, bare.Url, warmUp, options.Concurrency);
await NotificationLoad.RunAsync(client, mvc.Url, warmUp, options.Concurrency);
await NotificationLoad.RunAsync(client, shop.NotifyUrl, warmUp, options.Concurrency);

var bareRuns = new List<LoadResult>();
var mvcRuns = new List<LoadResult>();
var settleRuns = new List<LoadResult>();
var duplicateRuns = new List<LoadResult>();
for (var round = 1; round <= options.Rounds; round++)
{
    var notifications = FreshNotifications(options.Requests);
    bareRuns.Add(await NotificationLoad.RunAsync(client, bare.Url, notifications, options.Concurrency));
    mvcRuns.Add(await NotificationLoad.RunAsync(client, mvc.Url, notifications, options.Concurrency));
    settleRuns.Add(await NotificationLoad.RunAsync(client, shop.NotifyUrl, notifications, options.Concurrency));
    // QFPay's retries of an acknowledged notification: verified, found settled, answered SUCCESS.
    duplicateRuns.Add(await NotificationLoad.RunAsync(client, shop.NotifyUrl, notifications, options.Concurrency));
    Console.WriteLine($"round {round}: bare {bareRuns[^1].PerSecond:0}/s, MVC SUCCESS {mvcRuns[^1].PerSecond:0}/s, notify (settle) {settleRuns[^1].PerSecond:0}/s, notify (duplicate) {duplicateRuns[^1].PerSecond:0}/s");
}

LoadResult Median(List<LoadResult> runs) => runs.OrderBy(static r => r.PerSecond).ElementAt(runs.Count / 2);
var (bareMedian, mvcMedian, settleMedian, duplicateMedian) = (Median(bareRuns), Median(mvcRuns), Median(settleRuns), Median(duplicateRuns));
var notSuccess = settleRuns.Concat(duplicateRuns).Sum(static r => r.NotSuccess);

var checkout = await CheckoutOverhead.RunAsync(shop, options.Checkouts);

Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| bare ASP.NET Core SUCCESS endpoint | {bareMedian.PerSecond:0} notifications/s |");
Console.WriteLine($"| MVC controller that only answers SUCCESS (MVC's share) | {mvcMedian.PerSecond:0} notifications/s, ratio to bare {mvcMedian.PerSecond / bareMedian.PerSecond:0.00}, {mvcMedian.BytesPerRequest / 1024:0.0} KB allocated |");
Console.WriteLine($"| real notify route, first delivery (settles the order) | {settleMedian.PerSecond:0} notifications/s |");
Console.WriteLine($"| real notify route, repeated delivery (duplicate) | {duplicateMedian.PerSecond:0} notifications/s |");
Console.WriteLine($"| ratio real/bare, first delivery (target >= 0.7) | {settleMedian.PerSecond / bareMedian.PerSecond:0.00} |");
Console.WriteLine($"| ratio real/bare, duplicate | {duplicateMedian.PerSecond / bareMedian.PerSecond:0.00} |");
Console.WriteLine($"| allocated per notification, bare (client + server, whole process) | {bareMedian.BytesPerRequest / 1024:0.0} KB |");
Console.WriteLine($"| allocated per notification, real route first delivery (same) | {settleMedian.BytesPerRequest / 1024:0.0} KB |");
Console.WriteLine($"| allocated per notification by the route beyond bare (first / duplicate) | {(settleMedian.BytesPerRequest - bareMedian.BytesPerRequest) / 1024:0.0} KB / {(duplicateMedian.BytesPerRequest - bareMedian.BytesPerRequest) / 1024:0.0} KB |");
Console.WriteLine($"| QFPay create-payment call alone (simulator, 0 ms latency), median / p95 | {checkout.QfPayMedianMs:0.00} ms / {checkout.QfPayP95Ms:0.00} ms |");
Console.WriteLine($"| PostProcessPaymentAsync, median / p95 | {checkout.RedirectMedianMs:0.00} ms / {checkout.RedirectP95Ms:0.00} ms |");
Console.WriteLine($"| time added by PostProcessPaymentAsync beyond QFPay (median, target < 2 ms) | {checkout.AddedMedianMs:0.00} ms |");
Console.WriteLine($"| answers other than SUCCESS on the real route | {notSuccess} |");
return notSuccess == 0 ? 0 : 1;
