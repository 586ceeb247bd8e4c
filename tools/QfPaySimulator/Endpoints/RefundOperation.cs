using System.Globalization;
using QfPaySimulator.Notifications;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// <c>POST /trade/v1/refund</c> (docs/qfpay-protocol.md §8.1, §8.2): full or partial refunds of a paid payment while their total stays
/// within the paid amount. A successful refund is notified to the payment's notify_url (§6.7).
/// </summary>
internal sealed class RefundOperation(
    TradeStore store, SyssnGenerator numbers, QfPayClock clock, NotificationDispatcher notifications) : IApiOperation
{
    public SimulatorEndpoint Endpoint => SimulatorEndpoint.Refund;

    public Task<ApiReply> HandleAsync(ApiRequest request, SimulatedMerchant merchant, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(request, merchant));

    private ApiReply Handle(ApiRequest request, SimulatedMerchant merchant)
    {
        var origSyssn = request.Value("syssn");
        if (origSyssn is null)
            return ApiReply.ParameterError("syssn (the payment's QFPay number) is required");

        var outTradeNo = request.Value("out_trade_no");
        if (outTradeNo is null || outTradeNo.Length > 128)
            return ApiReply.ParameterError("out_trade_no (a new number for this refund) is required, at most 128 characters");

        if (!FieldRules.TryParseAmount(request.Value("txamt"), out var amount))
            return ApiReply.ParameterError("txamt must be a positive whole number of minor units, at most 11 digits");

        var txdtm = request.Value("txdtm");
        if (!QfPayClock.TryParse(txdtm, out _))
            return ApiReply.ParameterError("txdtm must be yyyy-MM-dd HH:mm:ss");

        var now = clock.Now;
        var result = store.Refund(merchant.AppCode, origSyssn, outTradeNo, amount, payment => new RefundRecord
        {
            AppCode = merchant.AppCode,
            Mchid = merchant.MerchantId,
            Syssn = numbers.NextSyssn(now),
            OutTradeNo = outTradeNo,
            OrigSyssn = origSyssn,
            PayType = payment.PayType,
            Txamt = amount,
            Txcurrcd = payment.Txcurrcd,
            Txdtm = txdtm!,
            Sysdtm = now,
            Udid = request.Value("udid") ?? "qiantai2",
            GoodsName = payment.GoodsName,
        }, now);

        return result.Outcome switch
        {
            // Observed wording for a reused refund number (docs/qfpay-protocol.md §5.2, merchant notes).
            RefundOutcome.OutTradeNoUsed => ApiReply.Error(
                ResponseCodes.OutTradeNoUsed, "Do not use duplicate out_trade_no for request(1251)", "out_trade_no is used"),
            RefundOutcome.UnknownPayment => ApiReply.Error(
                ResponseCodes.NoSuchTransaction, "transaction does not exist", $"no payment {origSyssn} for this merchant"),
            // QFPay's code for refunding an unpaid payment is unknown; 1261 "order not paid" is the simulator's choice.
            RefundOutcome.NotPaid => ApiReply.Error(ResponseCodes.NotPaid, "order not paid", $"payment {origSyssn} is not paid"),
            RefundOutcome.FullyRefunded => ApiReply.Error(
                ResponseCodes.AlreadyRefunded, "order already closed", $"payment {origSyssn} is already fully refunded"),
            RefundOutcome.ExceedsRefundable => ApiReply.Error(
                ResponseCodes.ExceedsRefundable, "refund exceeds the refundable amount",
                $"at most {result.Payment!.Txamt - result.Payment.RefundedAmount} can still be refunded"),
            _ => Succeed(result.Refund!, result.Payment!, merchant),
        };
    }

    private ApiReply Succeed(RefundRecord refund, PaymentRecord payment, SimulatedMerchant merchant)
    {
        notifications.Enqueue(new NotificationJob(merchant.AppCode, NotificationJob.UrlOf(payment.NotifyUrl), merchant.ClientKey,
            NotificationComposer.ForRefund(refund, payment)));

        var sysdtm = QfPayClock.Text(refund.Sysdtm);
        return ApiReply.Success(
        [
            new("syssn", refund.Syssn),
            new("orig_syssn", refund.OrigSyssn),
            new("out_trade_no", refund.OutTradeNo),
            new("txamt", refund.Txamt.ToString(CultureInfo.InvariantCulture)),
            new("txcurrcd", refund.Txcurrcd),
            new("txdtm", refund.Txdtm),
            new("sysdtm", sysdtm),
            new("paydtm", sysdtm),
            new("chnlsn", ""),
            new("cardcd", ""),
            new("udid", refund.Udid),
            new("cash_fee", ""),
            new("cash_fee_type", ""),
            new("cash_refund_fee", ""),
            new("cash_refund_fee_type", ""),
        ]);
    }
}
