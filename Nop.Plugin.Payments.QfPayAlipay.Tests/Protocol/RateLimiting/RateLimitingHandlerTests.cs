using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.RateLimiting;

/// <summary>The handler puts the shared limiter in front of every QfPayClient request, keyed by X-QF-APPCODE.</summary>
public class RateLimitingHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 6, 0, 0, TimeSpan.Zero);

    private const string EmptyQueryAnswer = """{"respcd":"0000","resperr":"success","data":[]}""";

    private static QfPayAccount Account(string appCode) => new(new Uri("http://127.0.0.1:9/"), appCode, "3D5F7A9C1E2B4D6F8A0C2E4B6D8F0A1C");

    [Test]
    public async Task Requests_are_counted_per_app_code_header()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock, new QfPayRateLimits(2, 400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
        var qfpay = RecordingHandler.Answering(EmptyQueryAnswer);
        var client = new QfPayClient(new HttpClient(new RateLimitingHandler(limiter) { InnerHandler = qfpay }));

        await client.QueryAsync(Account("AAAA"), QueryRequest.BySyssn("1"));
        await client.QueryAsync(Account("AAAA"), QueryRequest.BySyssn("2"));
        await client.QueryAsync(Account("BBBB"), QueryRequest.BySyssn("3"));

        Assert.Multiple(() =>
        {
            Assert.That(qfpay.Requests, Has.Count.EqualTo(3));
            Assert.That(limiter.TimeUntilAllowed("AAAA"), Is.EqualTo(TimeSpan.FromSeconds(1)), "AAAA used its two");
            Assert.That(limiter.TimeUntilAllowed("BBBB"), Is.EqualTo(TimeSpan.Zero), "BBBB has one left");
        });
    }

    [Test]
    public async Task A_429_is_handed_back_unchanged_and_backs_off_only_that_merchant()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new MerchantRateLimiter(clock);
        var qfpay = new RecordingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too Many Requests") }));
        var client = new QfPayClient(new HttpClient(new RateLimitingHandler(limiter) { InnerHandler = qfpay }));

        var result = await client.QueryAsync(Account("AAAA"), QueryRequest.BySyssn("1"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.RateLimited));
            Assert.That(qfpay.Requests, Has.Count.EqualTo(1), "never retried by the handler");
            Assert.That(limiter.TimeUntilAllowed("AAAA"), Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(limiter.TimeUntilAllowed("BBBB"), Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Every_client_the_container_makes_shares_one_limiter()
    {
        var shop = new Shop(new FakeTimeProvider(Start));
        var services = new ServiceCollection();
        shop.RegisterServices(services);
        var qfpay = RecordingHandler.Answering(EmptyQueryAnswer);
        services.AddHttpClient<QfPayClient>().ConfigurePrimaryHttpMessageHandler(() => qfpay);
        await using var provider = services.BuildServiceProvider();
        var account = Account(shop.Settings.AppCode!);

        for (var i = 0; i < 100; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<QfPayClient>().QueryAsync(account, QueryRequest.BySyssn(i.ToString()));
        }

        var limiter = provider.GetRequiredService<MerchantRateLimiter>();
        Assert.Multiple(() =>
        {
            Assert.That(qfpay.Requests, Has.Count.EqualTo(100));
            Assert.That(provider.GetRequiredService<MerchantRateLimiter>(), Is.SameAs(limiter));
            Assert.That(limiter.TimeUntilAllowed(account.AppCode), Is.EqualTo(TimeSpan.FromSeconds(1)), "a hundred calls from a hundred clients counted together");
        });
    }
}
