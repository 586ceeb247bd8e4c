using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

[TestFixture]
public sealed class QueryEndpointTests : SimulatorRigFixture
{
    private SettableClock clock = null!;

    protected override Task<SimulatorRig> StartRigAsync()
    {
        // Ten minutes before the end of March, Hong Kong time: the classic month-end case (docs/qfpay-protocol.md §11 item 9).
        clock = new SettableClock(SettableClock.HongKong(2025, 3, 31, 23, 50));
        return SimulatorRig.StartAsync(options => options.TimeProvider = clock);
    }

    [Test]
    public async Task Sysdtm_is_the_simulator_clock_in_UTC_plus_8()
    {
        var created = await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields("NOP-50-1"));

        Assert.That(created["sysdtm"], Is.EqualTo("2025-03-31 23:50:00"));
        Assert.That(created["syssn"], Does.StartWith("20250331235000"));
    }

    [Test]
    public async Task A_query_by_out_trade_no_without_a_window_searches_only_the_current_month()
    {
        await Rig.CreatePaymentAsync("NOP-51-1");
        clock.Advance(TimeSpan.FromMinutes(20));

        var withoutWindow = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["out_trade_no"] = "NOP-51-1" });
        var withMarch = await Rig.Client.QueryAsync(new Dictionary<string, string>
        {
            ["out_trade_no"] = "NOP-51-1",
            ["start_time"] = "2025-03-01 00:00:00",
            ["end_time"] = "2025-03-31 23:59:59",
        });

        Assert.Multiple(() =>
        {
            Assert.That(withoutWindow.Respcd, Is.EqualTo("0000"));
            Assert.That(withoutWindow.Records, Is.Empty);
            Assert.That(withMarch.Records.Single().GetProperty("out_trade_no").GetString(), Is.EqualTo("NOP-51-1"));
        });
    }

    [Test]
    public async Task A_query_by_syssn_ignores_the_window()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-52-1");
        clock.Advance(TimeSpan.FromDays(40));

        var reply = await Rig.Client.QueryAsync(new Dictionary<string, string>
        {
            ["syssn"] = syssn,
            ["start_time"] = "2025-05-01 00:00:00",
            ["end_time"] = "2025-06-30 23:59:59",
        });

        Assert.That(reply.Respcd, Is.EqualTo("0000"));
        Assert.That(reply.Records.Single().GetProperty("syssn").GetString(), Is.EqualTo(syssn));
    }

    [TestCase("2025-02-15 00:00:00", "2025-03-15 00:00:00")]
    [TestCase("2025-03-01 00:00:00", "2025-04-01 00:00:00")]
    [TestCase("2025-03-20 00:00:00", "2025-03-10 00:00:00")]
    [TestCase("2025-02-01 00:00:00", null)]
    [TestCase("2025-03-01", "2025-03-31 23:59:59")]
    public async Task A_window_that_is_not_within_one_calendar_month_is_refused_with_1104(string start, string? end)
    {
        var fields = new Dictionary<string, string> { ["out_trade_no"] = "NOP-53-1", ["start_time"] = start };
        if (end is not null)
            fields["end_time"] = end;

        var reply = await Rig.Client.QueryAsync(fields);

        Assert.That(reply.Respcd, Is.EqualTo("1104"), reply.Text);
    }

    [Test]
    public async Task A_window_in_an_earlier_month_finds_that_months_payments()
    {
        await Rig.CreatePaymentAsync("NOP-54-1");
        clock.Advance(TimeSpan.FromDays(70));

        var reply = await Rig.Client.QueryAsync(new Dictionary<string, string>
        {
            ["start_time"] = "2025-03-31 00:00:00",
            ["end_time"] = "2025-03-31 23:59:59",
        });

        Assert.That(reply.Records.Single().GetProperty("out_trade_no").GetString(), Is.EqualTo("NOP-54-1"));
    }

    [Test]
    public async Task Several_comma_separated_numbers_are_queried_at_once()
    {
        var first = await Rig.CreatePaymentAsync("NOP-55-1");
        var second = await Rig.CreatePaymentAsync("NOP-55-2");
        await Rig.CreatePaymentAsync("NOP-55-3");

        var bySyssn = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["syssn"] = first + "," + second });
        var byOutTradeNo = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["out_trade_no"] = "NOP-55-1,NOP-55-3" });

        Assert.That(bySyssn.Records.Select(record => record.GetProperty("syssn").GetString()), Is.EquivalentTo(new[] { first, second }));
        Assert.That(byOutTradeNo.Records.Select(record => record.GetProperty("out_trade_no").GetString()), Is.EquivalentTo(new[] { "NOP-55-1", "NOP-55-3" }));
    }

    [Test]
    public async Task A_payment_reads_1143_while_unpaid_and_0000_once_paid()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-56-1");
        var query = new Dictionary<string, string> { ["syssn"] = syssn };

        var before = (await Rig.Client.QueryAsync(query)).Records.Single();
        using var paid = await Rig.Host.PayAsync(syssn);
        var after = (await Rig.Client.QueryAsync(query)).Records.Single();

        Assert.Multiple(() =>
        {
            Assert.That(before.GetProperty("respcd").GetString(), Is.EqualTo("1143"));
            Assert.That(before.GetProperty("order_type").GetString(), Is.EqualTo("payment"));
            Assert.That(before.GetProperty("chnlsn").GetString(), Is.Empty);
            Assert.That(after.GetProperty("respcd").GetString(), Is.EqualTo("0000"));
            Assert.That(after.GetProperty("cancel").GetString(), Is.EqualTo("0"));
            Assert.That(after.GetProperty("chnlsn").GetString(), Does.Match("^[0-9]{28}$"));
            Assert.That(after.GetProperty("txamt").GetString(), Is.EqualTo("12800"));
        });
    }

    [Test]
    public async Task An_unpaid_payment_reads_1181_once_its_expired_time_has_passed()
    {
        var syssn = await Rig.CreatePaymentAsync("NOP-57-1");
        var query = new Dictionary<string, string> { ["syssn"] = syssn };

        clock.Advance(TimeSpan.FromMinutes(30));
        var atExpiry = (await Rig.Client.QueryAsync(query)).Records.Single();
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = (await Rig.Client.QueryAsync(query)).Records.Single();

        Assert.That(atExpiry.GetProperty("respcd").GetString(), Is.EqualTo("1143"));
        Assert.That(afterExpiry.GetProperty("respcd").GetString(), Is.EqualTo("1181"));
    }

    [Test]
    public async Task Page_size_is_capped_at_100_and_pages_walk_through_the_records()
    {
        for (var i = 0; i < 105; i++)
            await Rig.Client.PostAsync("trade/v1/payment", SimulatorClient.PaymentFields($"NOP-58-{i}"));

        var first = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["page_size"] = "500" });
        var second = await Rig.Client.QueryAsync(new Dictionary<string, string> { ["page_size"] = "100", ["page"] = "2" });
        var byDefault = await Rig.Client.QueryAsync(new Dictionary<string, string>());

        Assert.Multiple(() =>
        {
            Assert.That(first["page_size"], Is.EqualTo("100"));
            Assert.That(first.Records, Has.Count.EqualTo(100));
            Assert.That(second.Records, Has.Count.EqualTo(5));
            Assert.That(byDefault.Records, Has.Count.EqualTo(10));
            Assert.That(first.Records.Concat(second.Records).Select(record => record.GetProperty("syssn").GetString()).Distinct().Count(), Is.EqualTo(105));
        });
    }

    [TestCase("page", "0")]
    [TestCase("page", "one")]
    [TestCase("page_size", "-5")]
    public async Task A_malformed_page_is_refused_with_1104(string field, string value)
    {
        var reply = await Rig.Client.QueryAsync(new Dictionary<string, string> { [field] = value });

        Assert.That(reply.Respcd, Is.EqualTo("1104"));
    }

    [Test]
    public async Task A_merchant_only_sees_its_own_transactions()
    {
        var other = new SimulatedMerchant("C1C2C3C4C5C6C7C8C9C0D1D2D3D4D5D6", "other-key");
        await using var shared = await SimulatorRig.StartAsync(options => options.Merchants.Add(other));
        var syssn = await shared.CreatePaymentAsync("NOP-59-1");
        using var otherClient = shared.ClientFor(other);

        var reply = await otherClient.QueryAsync(new Dictionary<string, string> { ["syssn"] = syssn });

        Assert.That(reply.Records, Is.Empty);
    }

    [Test]
    public async Task A_query_is_signed_and_checked_like_any_other_call()
    {
        using var impostor = Rig.ClientFor(Rig.Host.DefaultMerchant with { ClientKey = "wrong" });

        var reply = await impostor.QueryAsync(new Dictionary<string, string> { ["out_trade_no"] = "NOP-60-1" });

        Assert.That(reply.Respcd, Is.EqualTo("1108"));
    }
}
