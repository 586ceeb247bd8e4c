using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Controllers;

/// <summary>The status endpoint the desktop page polls: answers from the records, queries QFPay only so often.</summary>
[TestFixture]
[NonParallelizable]
public class QfPayStatusControllerTests : SettableClockLiveShopFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private int Queries => Shop.Simulator.Requests.Count(r => r.Endpoint == SimulatorEndpoint.Query);

    [Test]
    public async Task Polling_says_pending_until_the_simulators_notification_and_then_paid()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);
        var attempt = Shop.Attempts.Single();

        Assert.That(await Shop.StatusTextAsync(order.OrderGuid), Is.EqualTo("pending"));

        using (await Shop.Simulator.PayAsync(attempt.Syssn!))
            await Shop.Simulator.WaitForDeliveriesToSettleAsync(Patience);
        Clock.Advance(StatusQueryThrottle.Interval);

        Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "settled by the notification");
        Assert.That(await Shop.StatusTextAsync(order.OrderGuid), Is.EqualTo("paid"));
    }

    [Test]
    public async Task A_page_polling_many_times_a_second_makes_at_most_one_query_per_interval()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);

        for (var poll = 0; poll < 20; poll++)
            Assert.That(await Shop.StatusTextAsync(order.OrderGuid), Is.EqualTo("pending"));
        Assert.That(Queries, Is.EqualTo(1));

        Clock.Advance(StatusQueryThrottle.Interval - TimeSpan.FromMilliseconds(1));
        await Shop.StatusTextAsync(order.OrderGuid);
        Assert.That(Queries, Is.EqualTo(1));

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        for (var poll = 0; poll < 5; poll++)
            await Shop.StatusTextAsync(order.OrderGuid);
        Assert.That(Queries, Is.EqualTo(2));
    }

    [Test]
    public async Task Concurrent_polls_of_one_attempt_share_one_query()
    {
        var order = Shop.AddOrder();
        await Shop.PostProcessAsync(order, UserAgents.DesktopChrome);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Shop.StatusTextAsync(order.OrderGuid)));

        Assert.That(Queries, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_order_is_not_found()
    {
        var result = await Shop.StatusAsync(Guid.NewGuid());

        Assert.That(result, Is.TypeOf<NotFoundResult>());
    }
}
