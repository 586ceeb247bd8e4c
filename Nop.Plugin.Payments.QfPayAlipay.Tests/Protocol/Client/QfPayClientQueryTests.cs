using System.Net;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using static Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client.ClientScenario;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Client;

public class QfPayClientQueryTests
{
    private static readonly DateTimeOffset MidMarch = new(2025, 3, 18, 14, 5, 9, QfPayTime.Offset);
    private static readonly DateTimeOffset MarchEnd = new(2025, 3, 31, 23, 59, 30, QfPayTime.Offset);

    [Test]
    public async Task A_query_by_out_trade_no_always_carries_a_window()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        await client.QueryAsync(Account(), QueryRequest.ByOutTradeNo("A-1-X", MidMarch));

        var form = handler.Requests.Single().Form;
        Assert.Multiple(() =>
        {
            Assert.That(form["start_time"], Is.EqualTo("2025-03-01 00:00:00"));
            Assert.That(form["end_time"], Is.EqualTo("2025-03-31 23:59:59"));
        });
    }

    [Test]
    public async Task A_query_for_an_attempt_created_at_month_end_searches_both_months_and_merges_the_records()
    {
        var (client, handler) = ClientWith(RecordingHandler.AnsweringInTurn(
            QueryAnswer(),
            QueryAnswer(Record("S1", "A-1-X"))));

        var result = await client.QueryAsync(Account(), QueryRequest.ByOutTradeNo("A-1-X", MarchEnd));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Select(r => r.Form["start_time"]), Is.EqualTo(new[] { "2025-03-01 00:00:00", "2025-04-01 00:00:00" }));
            Assert.That(handler.Requests.Select(r => r.Form["end_time"]), Is.EqualTo(new[] { "2025-03-31 23:59:59", "2025-04-30 23:59:59" }));
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Response!.Records.Single().Syssn, Is.EqualTo("S1"));
        });
    }

    [Test]
    public async Task The_same_record_found_in_two_windows_is_listed_once()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering(QueryAnswer(Record("S1", "A-1-X"))));

        var result = await client.QueryAsync(Account(), QueryRequest.ByOutTradeNo("A-1-X", MarchEnd));

        Assert.That(result.Response!.Records, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task If_any_month_cannot_be_searched_the_query_fails_instead_of_reporting_no_records()
    {
        var calls = 0;
        var (client, _) = ClientWith(new RecordingHandler((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? RecordingHandler.Json(QueryAnswer())
            : new HttpResponseMessage(HttpStatusCode.TooManyRequests))));

        var result = await client.QueryAsync(Account(), QueryRequest.ByOutTradeNo("A-1-X", MarchEnd));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.RateLimited));
        });
    }

    [Test]
    public async Task A_query_by_syssn_sends_no_window()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        await client.QueryAsync(Account(), QueryRequest.BySyssn("S1", "S2"));

        var form = handler.Requests.Single().Form;
        Assert.Multiple(() =>
        {
            Assert.That(form["syssn"], Is.EqualTo("S1,S2"));
            Assert.That(form.ContainsKey("start_time"), Is.False);
        });
    }

    [Test]
    public async Task A_batch_query_lists_numbers_comma_separated_with_the_requested_page_size()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        await client.QueryAsync(Account(), QueryRequest.ByOutTradeNos(["A-1-X", "B-1-Y"], MidMarch, MidMarch.AddDays(2)) with { PageSize = 100 });

        var form = handler.Requests.Single().Form;
        Assert.Multiple(() =>
        {
            Assert.That(form["out_trade_no"], Is.EqualTo("A-1-X,B-1-Y"));
            Assert.That(form["page_size"], Is.EqualTo("100"));
        });
    }

    [Test]
    public async Task Records_are_read_with_their_status()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering(QueryAnswer(
            Record("S1", "A-1-X"),
            Record("S2", "A-2-X", respcd: "1143"),
            Record("S3", "A-3-X", respcd: "1181"),
            Record("S4", "A-4-X", respcd: "1263"),
            Record("S5", "A-R1-X", respcd: "0000", orderType: "refund", txamt: "500"),
            Record("S6", "A-5-X", respcd: "1205"))));

        var result = await client.QueryAsync(Account(), QueryRequest.BySyssn("S1"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Response!.Records.Select(r => r.Status), Is.EqualTo(new[]
            {
                TransactionStatus.Succeeded, TransactionStatus.Pending, TransactionStatus.Expired,
                TransactionStatus.Closed, TransactionStatus.Succeeded, TransactionStatus.Failed,
            }));
            Assert.That(result.Response.FindBySyssn("S5")!.IsRefund, Is.True);
            Assert.That(result.Response.FindBySyssn("S5")!.AmountInMinorUnits, Is.EqualTo(500));
        });
    }

    [Test]
    public async Task An_empty_data_array_means_nothing_was_found()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        var result = await client.QueryAsync(Account(), QueryRequest.BySyssn("S1"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Success));
            Assert.That(result.Response!.Records, Is.Empty);
        });
    }

    [Test]
    public async Task A_0000_without_a_data_array_is_not_read_as_nothing_found()
    {
        var (client, _) = ClientWith(RecordingHandler.Answering("""{"respcd": "0000", "data": null}"""));

        var result = await client.QueryAsync(Account(), QueryRequest.BySyssn("S1"));

        Assert.That(result.Outcome, Is.EqualTo(QfPayOutcome.Unknown));
    }

    [Test]
    public async Task A_query_by_out_trade_no_without_a_creation_time_is_refused_before_sending()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        var result = await client.QueryAsync(Account(), new QueryRequest { OutTradeNos = ["A-1-X"] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.InvalidRequest));
            Assert.That(result.Message, Does.Contain("creation time"));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_batch_spanning_too_many_months_is_refused()
    {
        var (client, handler) = ClientWith(RecordingHandler.Answering(QueryAnswer()));

        var result = await client.QueryAsync(Account(), QueryRequest.ByOutTradeNos(["A-1-X"], MidMarch.AddMonths(-6), MidMarch));

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(QfPayProblem.InvalidRequest));
            Assert.That(handler.Requests, Is.Empty);
        });
    }
}
