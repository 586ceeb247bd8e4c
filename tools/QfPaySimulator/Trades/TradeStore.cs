namespace QfPaySimulator.Trades;

/// <summary>
/// All payments and refunds, in memory. One lock guards everything, so the checks QFPay makes atomically
/// (out_trade_no unique across payments and refunds of a merchant, docs/qfpay-protocol.md §4.2; refund total within the paid
/// amount, docs/qfpay-protocol.md §8.2) hold under concurrent requests.
/// </summary>
internal sealed class TradeStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, PaymentRecord> payments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefundRecord> refunds = new(StringComparer.Ordinal);
    private readonly HashSet<(string AppCode, string OutTradeNo)> usedOutTradeNos = [];

    /// <summary>Stores the payment unless the merchant already used its out_trade_no.</summary>
    public bool TryAddPayment(PaymentRecord payment)
    {
        lock (gate)
        {
            if (!usedOutTradeNos.Add((payment.AppCode, payment.OutTradeNo)))
                return false;

            payments.Add(payment.Syssn, payment);
            return true;
        }
    }

    public PaymentRecord? FindPayment(string syssn)
    {
        lock (gate)
            return payments.GetValueOrDefault(syssn);
    }

    /// <summary>Marks an unpaid payment paid, as Alipay's cashier would.</summary>
    public (CashierOutcome Outcome, PaymentRecord? Payment) Pay(string syssn, DateTimeOffset now, Func<string> newChnlsn) =>
        Settle(syssn, now, payment => payment with { State = PaymentState.Paid, PaidAt = now, Chnlsn = newChnlsn() });

    /// <summary>The shopper gave up at the cashier: the payment can no longer be paid.</summary>
    public (CashierOutcome Outcome, PaymentRecord? Payment) Cancel(string syssn, DateTimeOffset now) =>
        Settle(syssn, now, static payment => payment with { State = PaymentState.Cancelled });

    /// <summary>
    /// The cashier's one decision, paying or giving up: only a payment still open at <paramref name="now"/> changes,
    /// to what <paramref name="settle"/> makes of it; any other says why it cannot.
    /// </summary>
    private (CashierOutcome Outcome, PaymentRecord? Payment) Settle(string syssn, DateTimeOffset now, Func<PaymentRecord, PaymentRecord> settle)
    {
        lock (gate)
        {
            if (!payments.TryGetValue(syssn, out var payment))
                return (CashierOutcome.NotFound, null);

            switch (payment.StateAt(now))
            {
                case PaymentState.Paid:
                    return (CashierOutcome.AlreadyPaid, payment);
                case PaymentState.Expired:
                    return (CashierOutcome.Expired, payment);
                case PaymentState.Cancelled:
                    return (CashierOutcome.Cancelled, payment);
            }

            var settled = settle(payment);
            payments[syssn] = settled;
            return (CashierOutcome.Done, settled);
        }
    }

    /// <summary>
    /// Applies QFPay's refund rules in one step (docs/qfpay-protocol.md §8.2, §5.2): a new out_trade_no, a known payment of this
    /// merchant, paid, not yet fully refunded, and the total of refunds within the paid amount.
    /// </summary>
    public RefundResult Refund(
        string appCode, string origSyssn, string outTradeNo, long amount, Func<PaymentRecord, RefundRecord> createRefund, DateTimeOffset now)
    {
        lock (gate)
        {
            if (usedOutTradeNos.Contains((appCode, outTradeNo)))
                return new RefundResult(RefundOutcome.OutTradeNoUsed, null, null);

            if (!payments.TryGetValue(origSyssn, out var payment) || payment.AppCode != appCode)
                return new RefundResult(RefundOutcome.UnknownPayment, null, null);

            if (payment.StateAt(now) != PaymentState.Paid)
                return new RefundResult(RefundOutcome.NotPaid, null, payment);

            if (payment.RefundedAmount >= payment.Txamt)
                return new RefundResult(RefundOutcome.FullyRefunded, null, payment);

            if (payment.RefundedAmount + amount > payment.Txamt)
                return new RefundResult(RefundOutcome.ExceedsRefundable, null, payment);

            var refund = createRefund(payment);
            var updated = payment with { RefundedAmount = payment.RefundedAmount + amount };
            usedOutTradeNos.Add((appCode, outTradeNo));
            refunds.Add(refund.Syssn, refund);
            payments[origSyssn] = updated;
            return new RefundResult(RefundOutcome.Done, refund, updated);
        }
    }

    /// <summary>A consistent copy of one merchant's payments and refunds.</summary>
    public (IReadOnlyList<PaymentRecord> Payments, IReadOnlyList<RefundRecord> Refunds) ListForMerchant(string appCode)
    {
        lock (gate)
        {
            return (
                payments.Values.Where(payment => payment.AppCode == appCode).ToArray(),
                refunds.Values.Where(refund => refund.AppCode == appCode).ToArray());
        }
    }
}

internal enum CashierOutcome
{
    Done,
    NotFound,
    AlreadyPaid,
    Expired,
    Cancelled,
}

internal enum RefundOutcome
{
    Done,
    OutTradeNoUsed,
    UnknownPayment,
    NotPaid,
    FullyRefunded,
    ExceedsRefundable,
}

internal sealed record RefundResult(RefundOutcome Outcome, RefundRecord? Refund, PaymentRecord? Payment);
