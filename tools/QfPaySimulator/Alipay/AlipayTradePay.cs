using QfPaySimulator.Endpoints;
using QfPaySimulator.Notifications;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Alipay;

/// <summary>
/// Stands in for the wallet behind <c>AlipayJSBridge.call("tradePay", { tradeNO })</c> (docs/qfpay-protocol.md §10.2 step 5): finds the
/// 800107 payment whose <c>pay_params.tradeNO</c> this is and, unless told to report a non-paying outcome, pays it the
/// way the cashier's Pay does (first notification attempt before answering). The answer's <c>resultCode</c> is what the
/// page's callback would get: a hint only, which is why a test may ask for a misleading one.
/// </summary>
internal sealed class AlipayTradePay(
    SimulatorOptions options, TradeStore store, QfPayClock clock, SyssnGenerator numbers, MerchantDirectory merchants, NotificationDispatcher notifications)
{
    /// <summary>Result codes after which the payment is paid (8000 and 6004 say "not sure" although it is).</summary>
    private static readonly HashSet<string> Paying = ["9000", "8000", "6004"];

    /// <summary>Result codes after which nothing changed (failed, shopper closed the cashier, network error).</summary>
    private static readonly HashSet<string> NotPaying = ["4000", "6001", "6002"];

    public async Task<TradePayAnswer> RunAsync(string tradeNo, string? resultCode, string? userId)
    {
        var requested = string.IsNullOrEmpty(resultCode) ? "9000" : resultCode;
        if (!Paying.Contains(requested) && !NotPaying.Contains(requested))
            return new TradePayAnswer(StatusCodes.Status400BadRequest, "4000", "resultCode must be one of 9000, 8000, 6004, 4000, 6001, 6002");

        var payment = Find(tradeNo);
        if (payment is null)
            return new TradePayAnswer(StatusCodes.Status404NotFound, "4000", $"no 800107 payment has tradeNO {tradeNo}");

        // A trade created for one buyer cannot be paid by another (openid is the payer, docs/qfpay-protocol.md §4.2).
        if (userId is not null && userId != payment.Openid)
            return new TradePayAnswer(StatusCodes.Status200OK, "4000", "this trade belongs to another Alipay user");

        if (NotPaying.Contains(requested))
            return new TradePayAnswer(StatusCodes.Status200OK, requested, "nothing paid");

        var now = clock.Now;
        var (outcome, paid) = store.Pay(payment.Syssn, now, () => numbers.NextAlipayTradeNo(now));
        switch (outcome)
        {
            case CashierOutcome.Done:
                if (merchants.Find(paid!.AppCode) is { } merchant)
                {
                    await notifications.DeliverFirstAttemptAsync(new NotificationJob(paid.AppCode, NotificationJob.UrlOf(paid.NotifyUrl),
                        merchant.ClientKey, NotificationComposer.ForPayment(paid)));
                }

                return new TradePayAnswer(StatusCodes.Status200OK, requested, "paid");
            case CashierOutcome.AlreadyPaid:
                // As at the cashier: paying again changes nothing and notifies nothing.
                return new TradePayAnswer(StatusCodes.Status200OK, "9000", "already paid; nothing changed");
            case CashierOutcome.Expired:
                return new TradePayAnswer(StatusCodes.Status200OK, "4000", "the trade has expired");
            case CashierOutcome.Cancelled:
                return new TradePayAnswer(StatusCodes.Status200OK, "4000", "the trade was cancelled");
            default:
                return new TradePayAnswer(StatusCodes.Status404NotFound, "4000", $"no 800107 payment has tradeNO {tradeNo}");
        }
    }

    private PaymentRecord? Find(string tradeNo)
    {
        foreach (var merchant in options.Merchants)
        {
            if (store.ListForMerchant(merchant.AppCode).Payments.FirstOrDefault(p => p.TradeNo == tradeNo) is { } payment)
                return payment;
        }

        return null;
    }
}

/// <summary>The fake tradePay's answer: HTTP status, the callback's <c>resultCode</c> and a note for people.</summary>
internal sealed record TradePayAnswer(int StatusCode, string ResultCode, string Memo);
