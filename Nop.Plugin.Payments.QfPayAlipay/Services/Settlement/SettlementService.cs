using System.Globalization;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>
/// The one place where a QFPay payment becomes a paid order. Every entry point that learns of a paid payment (the
/// notification, the return page, the desktop status page, a retry, the reconciliation task, the admin's "Check status
/// now", the Service Window page) hands its verified <see cref="PaidFact"/> here, so the rules hold whichever comes
/// first, and however many arrive at once on however many web nodes. See docs/money-invariants.md.
/// </summary>
/// <remarks>
/// <para>One order, one charge: the caller that INSERTs the order's claim row <c>order:&lt;order id&gt;</c> (unique index)
/// is the only one that touches the order. A second QFPay payment of the same order (two links both paid, a retry
/// while a notification was late) finds the claim taken and becomes a <see cref="PaymentAttemptStatus.DuplicatePayment"/>:
/// never marked, flagged on the order, refunded in full from the order page.</para>
/// <para>Repeated reports of a settled payment are answered from the attempt alone (one read, nothing written). The
/// claim's holder renews a short lease while it works; a claim whose lease ran out, or whose holder's process is gone,
/// is taken over by a guarded UPDATE (one taker), and the taker redoes only what the order's state shows undone.</para>
/// </remarks>
public class SettlementService
{
    private static readonly string[] NoCancel = ["", "0"];

    private readonly IPaymentAttemptStore _attempts;
    private readonly ISettlementClaimStore _claims;
    private readonly ClaimHolder _holder;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly SettlementTimings _timings;

    public SettlementService(IPaymentAttemptStore attempts,
        ISettlementClaimStore claims,
        ClaimHolder holder,
        ILogger logger,
        OrderNotes orderNotes,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ISettingService settingService,
        TimeProvider timeProvider,
        SettlementTimings timings)
    {
        _attempts = attempts;
        _claims = claims;
        _holder = holder;
        _logger = logger;
        _orderNotes = orderNotes;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _timeProvider = timeProvider;
        _timings = timings;
    }

    /// <summary>Settles <paramref name="fact"/>, finding its attempt by out_trade_no. Never throws for a failure: transient ones come back as an outcome.</summary>
    public virtual Task<SettlementResult> SettleAsync(PaidFact fact, CancellationToken cancellationToken = default) =>
        SettleAsync(fact, null, cancellationToken);

    /// <summary>Settles <paramref name="fact"/> for <paramref name="attempt"/>, which the caller has found already.</summary>
    /// <param name="attempt">The attempt with <see cref="PaidFact.OutTradeNo"/>; null (or another out_trade_no's) to find it here.</param>
    public virtual async Task<SettlementResult> SettleAsync(PaidFact fact, QfPayPaymentAttempt? attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        try
        {
            if (attempt is null || !string.Equals(attempt.OutTradeNo, fact.OutTradeNo, StringComparison.OrdinalIgnoreCase))
                attempt = await _attempts.FindByOutTradeNoAsync(fact.OutTradeNo, cancellationToken);

            if (attempt is null)
            {
                var unknown = $"QFPay reports a payment for unknown {Subject(null, fact)} ({MinorUnits.Display(fact.AmountMinor, fact.Currency)}, " +
                    $"{fact.Source.Describe()}); nothing changed";
                await _logger.WarningAsync($"{OrderNotes.Prefix}{unknown}.");
                return new SettlementResult(SettlementOutcome.UnknownTransaction, null, unknown);
            }

            // A report of a payment already settled: the attempt tells what became of it, and nothing is written.
            if (attempt.Status.HoldsMoney() && string.Equals(attempt.Syssn, fact.Syssn, StringComparison.OrdinalIgnoreCase))
                return await RepeatedAsync(attempt, fact);

            if (DescribeMismatch(attempt, fact) is { } mismatch)
                return await RecordMismatchAsync(attempt, fact, mismatch, cancellationToken);

            return await ClaimOrderAsync(attempt, fact, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Database errors, a nopCommerce service failing half-way: a claim taken here was released (or its lease
            // runs out), and the next report or the reconciliation task completes the settlement.
            var detail = $"settling {Subject(null, fact)} failed ({exception.GetType().Name}); it will be retried";
            await TryAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}{detail}.", exception));
            return new SettlementResult(SettlementOutcome.TransientFailure, null, detail);
        }
    }

    /// <summary>
    /// Closes an order claim whose holder died after recording what <paramref name="attempt"/> (the claim's payment) is to
    /// the order: nothing is redone, the claim only says so now. False when the claim is not abandoned or someone else
    /// closed or took it first.
    /// </summary>
    public virtual async Task<bool> CloseAbandonedAsync(QfPaySettlementClaim claim, QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(attempt);
        if (!IsAbandoned(claim) || !attempt.Status.HoldsMoney())
            return false;

        var leaseStartedBefore = _holder.IsGone(claim.HolderToken) ? UtcNow().AddTicks(1) : UtcNow() - _timings.Lease;
        if (!await _claims.TryTakeOverAsync(claim.Id, claim.HolderToken, leaseStartedBefore, new ClaimTakeover(_holder.Token, attempt.Id, claim.Syssn, UtcNow()), cancellationToken))
            return false;

        ClaimCompletion completion;
        switch (attempt.Status)
        {
            case PaymentAttemptStatus.Paid:
                completion = new ClaimCompletion(SettlementClaimOutcome.MarkedPaid, attempt.Id, claim.Syssn, UtcNow());
                break;
            case PaymentAttemptStatus.NotApplied:
                completion = new ClaimCompletion(SettlementClaimOutcome.OrderNotPayable, attempt.Id, claim.Syssn, UtcNow());
                break;
            case PaymentAttemptStatus.DuplicatePayment:
                var payer = (await _orderService.GetOrderByIdAsync(attempt.OrderId))?.CaptureTransactionId?.Trim() ?? string.Empty;
                completion = new ClaimCompletion(SettlementClaimOutcome.PaidTwice, 0, payer, UtcNow());
                break;
            default:
                // A mismatching payment never holds an order; a claim naming one was not this version's.
                return await _claims.TryReleaseAsync(claim.Id, _holder.Token, cancellationToken);
        }

        return await _claims.TryCompleteAsync(claim.Id, _holder.Token, completion, cancellationToken);
    }

    private async Task<SettlementResult> RepeatedAsync(QfPayPaymentAttempt attempt, PaidFact fact)
    {
        var outcome = attempt.Status switch
        {
            PaymentAttemptStatus.Paid => SettlementOutcome.AlreadySettled,
            PaymentAttemptStatus.DuplicatePayment => SettlementOutcome.DuplicatePayment,
            PaymentAttemptStatus.NotApplied => SettlementOutcome.OrderNotPayable,
            _ => SettlementOutcome.Mismatch,
        };
        var detail = $"repeated report of a settled payment ({Subject(attempt, fact)}, {attempt.Status}); nothing changed";
        await DebugAsync(attempt.StoreId, detail);
        return new SettlementResult(outcome, attempt, detail, IsDuplicate: true);
    }

    private async Task<SettlementResult> ClaimOrderAsync(QfPayPaymentAttempt attempt, PaidFact fact, CancellationToken cancellationToken)
    {
        var claim = new QfPaySettlementClaim
        {
            ClaimKey = SettlementClaimKeys.Order(attempt.OrderId),
            OrderId = attempt.OrderId,
            AttemptId = attempt.Id,
            Syssn = fact.Syssn,
            ClaimedOnUtc = UtcNow(),
            HolderToken = _holder.Token,
            Outcome = SettlementClaimOutcome.InProgress,
        };

        switch (await _claims.TryInsertAsync(claim, cancellationToken))
        {
            case UniqueInsert.Inserted:
                return await HoldAsync(claim, attempt, fact, previousHolder: null);
            case UniqueInsert.Failed:
                return await TransientAsync(attempt, fact, "the order's settlement claim could not be written");
        }

        // Someone holds (or held) the order: wait briefly for the holder, then follow what it decided.
        var existing = await WaitForHolderAsync(claim.ClaimKey, cancellationToken);
        if (existing is null)
            return await TransientAsync(attempt, fact, "the order's settlement claim could not be read back");

        if (existing.CompletedOnUtc is not null)
            return await FollowCompletedClaimAsync(existing, attempt, fact, cancellationToken);

        if (IsAbandoned(existing))
        {
            var holderGone = _holder.IsGone(existing.HolderToken);
            var leaseStartedBefore = holderGone ? UtcNow().AddTicks(1) : UtcNow() - _timings.Lease;
            var takeover = new ClaimTakeover(_holder.Token, attempt.Id, fact.Syssn, UtcNow());
            if (await _claims.TryTakeOverAsync(existing.Id, existing.HolderToken, leaseStartedBefore, takeover, cancellationToken))
            {
                await _logger.WarningAsync($"{OrderNotes.Prefix}taking over the settlement of order id {attempt.OrderId} " +
                    $"({(holderGone ? "its holder's process is gone" : $"its holder did not renew it for {_timings.Lease.TotalSeconds:0} s")}), " +
                    $"for {Subject(attempt, fact)}.");
                var taken = new QfPaySettlementClaim
                {
                    Id = existing.Id,
                    ClaimKey = existing.ClaimKey,
                    OrderId = existing.OrderId,
                    AttemptId = attempt.Id,
                    Syssn = fact.Syssn,
                    ClaimedOnUtc = takeover.NowUtc,
                    HolderToken = _holder.Token,
                };
                return await HoldAsync(taken, attempt, fact, previousHolder: existing);
            }

            existing = await _claims.FindAsync(claim.ClaimKey, cancellationToken) ?? existing;
            if (existing.CompletedOnUtc is not null)
                return await FollowCompletedClaimAsync(existing, attempt, fact, cancellationToken);
        }

        var busy = $"the settlement of order id {attempt.OrderId} is in progress elsewhere (for syssn {existing.Syssn}); {Subject(attempt, fact)} is tried again later";
        await _logger.WarningAsync($"{OrderNotes.Prefix}{busy}.");
        return new SettlementResult(SettlementOutcome.Busy, attempt, busy);
    }

    /// <summary>
    /// The holder's work, under a lease it keeps renewing: decides, from the order's state, what this payment is to the
    /// order, and records it (see the remarks on the class). On an unexpected failure the claim is released at once.
    /// </summary>
    private async Task<SettlementResult> HoldAsync(QfPaySettlementClaim claim, QfPayPaymentAttempt attempt, PaidFact fact,
        QfPaySettlementClaim? previousHolder)
    {
        // Once the order is ours the work is finished even if the caller goes away (QFPay hanging up, a browser
        // closed): an abandoned claim would hold the order until the lease runs out.
        await using var lease = new Lease(this, claim);
        try
        {
            var subject = Subject(attempt, fact);
            var amount = MinorUnits.Display(fact.AmountMinor, fact.Currency);
            var order = await _orderService.GetOrderByIdAsync(attempt.OrderId);

            if (order is null || order.Deleted)
            {
                var gone = $"payment {amount} received {fact.Source.Describe()} for {subject}, but the order {(order is null ? "no longer exists" : "is deleted")}: " +
                    "it is NOT applied; refund it from the order page (\"Refund this payment\") or in QFPay's merchant portal";
                await FlagAsync(attempt, fact, PaymentAttemptStatus.NotApplied, gone, LogLevel.Error, order?.Id);
                await CompleteClaimAsync(claim, lease, new ClaimCompletion(SettlementClaimOutcome.OrderNotPayable, attempt.Id, fact.Syssn, UtcNow()));
                return new SettlementResult(SettlementOutcome.OrderNotPayable, attempt, gone);
            }

            if (IsAlreadyPaid(order))
                return await OrderAlreadyPaidAsync(claim, attempt, fact, previousHolder, lease, order);

            if (!_orderProcessingService.CanMarkOrderAsPaid(order))
            {
                var closed = $"payment {amount} received {fact.Source.Describe()} for order {order.CustomOrderNumber} ({subject}), but the order is " +
                    $"{order.OrderStatus}/{order.PaymentStatus} and cannot be marked paid: it is NOT applied; refund it from the order page (\"Refund this payment\")";
                await FlagAsync(attempt, fact, PaymentAttemptStatus.NotApplied, closed, LogLevel.Warning, order.Id);
                await CompleteClaimAsync(claim, lease, new ClaimCompletion(SettlementClaimOutcome.OrderNotPayable, attempt.Id, fact.Syssn, UtcNow()));
                return new SettlementResult(SettlementOutcome.OrderNotPayable, attempt, closed);
            }

            // The last moment to find out that the lease was lost (a stalled node): after this the order is marked.
            if (!await lease.EnsureSafeAsync())
                return await BusyAfterLosingLeaseAsync(attempt, fact);

            // Saved by MarkOrderAsPaidAsync together with the paid status, so an order is paid only with the syssn that paid it.
            order.CaptureTransactionId = fact.Syssn;
            order.CaptureTransactionResult = $"Paid {amount} by Alipay (QFPay pay type {attempt.PayType}), out_trade_no {fact.OutTradeNo}";
            await _orderProcessingService.MarkOrderAsPaidAsync(order);

            var marked = $"payment {amount} received and order {order.CustomOrderNumber} marked paid ({subject}, {fact.Source.Describe()})";
            await _orderNotes.AddLineAsync(order.Id, $"{OrderNotes.Prefix}{marked}.");
            await MoveAttemptAsync(attempt, fact, PaymentAttemptStatus.Paid, $"Paid; learned {fact.Source.Describe()}.");
            await CompleteClaimAsync(claim, lease, new ClaimCompletion(SettlementClaimOutcome.MarkedPaid, attempt.Id, fact.Syssn, UtcNow()));
            await DebugAsync(order.StoreId, marked);
            return new SettlementResult(SettlementOutcome.Settled, attempt, marked);
        }
        catch (Exception)
        {
            await lease.ReleaseAsync();
            throw;
        }
    }

    /// <summary>
    /// The order is paid already: by this very payment (a holder died after nopCommerce marked it), or by another one,
    /// which makes this one a duplicate payment.
    /// </summary>
    private async Task<SettlementResult> OrderAlreadyPaidAsync(QfPaySettlementClaim claim, QfPayPaymentAttempt attempt, PaidFact fact,
        QfPaySettlementClaim? previousHolder, Lease lease, Order order)
    {
        var subject = Subject(attempt, fact);
        var payer = order.CaptureTransactionId?.Trim();
        if (string.Equals(payer, fact.Syssn, StringComparison.OrdinalIgnoreCase))
        {
            var resumed = await ResumeInterruptedAsync(order, attempt, fact.Syssn);
            await CompleteClaimAsync(claim, lease, new ClaimCompletion(SettlementClaimOutcome.AlreadyPaid, attempt.Id, fact.Syssn, UtcNow()));
            return new SettlementResult(SettlementOutcome.Settled, attempt, resumed);
        }

        // A holder that died after marking the order with its own payment: that payment is the order's, repair its attempt.
        var payerAttemptId = 0;
        if (payer is { Length: > 0 } && previousHolder is not null && string.Equals(previousHolder.Syssn, payer, StringComparison.OrdinalIgnoreCase))
        {
            var payerAttempt = (await _attempts.ListByOrderAsync(order.Id)).FirstOrDefault(a => a.Id == previousHolder.AttemptId);
            if (payerAttempt is not null)
            {
                await ResumeInterruptedAsync(order, payerAttempt, payer);
                payerAttemptId = payerAttempt.Id;
            }
        }

        var amount = MinorUnits.Display(fact.AmountMinor, fact.Currency);
        var duplicate = $"DUPLICATE PAYMENT: QFPay payment {fact.Syssn} ({amount}, out_trade_no {fact.OutTradeNo}) arrived {fact.Source.Describe()} for " +
            $"order {order.CustomOrderNumber}, which was already paid by {DescribeTransaction(payer)}. It is NOT applied to the order; refund it from the " +
            "order page (\"Refund this duplicate payment\")";
        await FlagAsync(attempt, fact, PaymentAttemptStatus.DuplicatePayment, duplicate, LogLevel.Warning, order.Id);
        var outcome = payerAttemptId > 0 ? SettlementClaimOutcome.AlreadyPaid : SettlementClaimOutcome.PaidTwice;
        await CompleteClaimAsync(claim, lease, new ClaimCompletion(outcome, payerAttemptId, payer ?? string.Empty, UtcNow()));
        return new SettlementResult(SettlementOutcome.DuplicatePayment, attempt, duplicate);
    }

    /// <summary>
    /// Completes a settlement whose holder died after nopCommerce marked the order paid with <paramref name="syssn"/>.
    /// nopCommerce's own paid processing (e-mails, reward points, gift cards) runs inside that call and may not have
    /// finished, which the admin is told on the order.
    /// </summary>
    private async Task<string> ResumeInterruptedAsync(Order order, QfPayPaymentAttempt attempt, string syssn)
    {
        var detail = $"the settlement of payment {syssn} (out_trade_no {attempt.OutTradeNo}) was interrupted after nopCommerce marked order " +
            $"{order.CustomOrderNumber} paid; it is completed now. nopCommerce's paid processing (\"order paid\" e-mails, reward points, gift cards) " +
            "may not have finished: check the order's notes and the customer's e-mails";
        if (await _attempts.TryChangeAsync(attempt.Id, new AttemptChange(PaymentAttemptStatus.Paid, "Paid (an interrupted settlement was completed).", UtcNow()) { Syssn = syssn }))
        {
            await _orderNotes.AddLineAsync(order.Id, $"{OrderNotes.Prefix}{detail}.");
            await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}.");
        }

        return detail;
    }

    /// <summary>What the holder of a completed claim decided, applied to this payment.</summary>
    private async Task<SettlementResult> FollowCompletedClaimAsync(QfPaySettlementClaim claim, QfPayPaymentAttempt attempt, PaidFact fact,
        CancellationToken cancellationToken)
    {
        var subject = Subject(attempt, fact);
        var paidThisOrder = claim.Outcome is SettlementClaimOutcome.MarkedPaid or SettlementClaimOutcome.AlreadyPaid;
        if (paidThisOrder && string.Equals(claim.Syssn, fact.Syssn, StringComparison.OrdinalIgnoreCase))
        {
            // The holder marks the attempt before completing the claim; this only repairs a step a failure skipped.
            await MoveAttemptAsync(attempt, fact, PaymentAttemptStatus.Paid, $"Paid; learned {fact.Source.Describe()}.");
            var detail = $"repeated report of the payment that paid the order ({subject}); nothing changed";
            await DebugAsync(attempt.StoreId, detail);
            return new SettlementResult(SettlementOutcome.AlreadySettled, attempt, detail, IsDuplicate: true);
        }

        var amount = MinorUnits.Display(fact.AmountMinor, fact.Currency);
        if (claim.Outcome == SettlementClaimOutcome.OrderNotPayable)
        {
            var when = string.IsNullOrEmpty(claim.Syssn) ? "the order was cancelled unpaid before it arrived" : $"the order could not take payment {claim.Syssn} either";
            var closed = $"payment {amount} received {fact.Source.Describe()} for {subject}, but {when}: it is NOT applied; refund it from the order page " +
                "(\"Refund this payment\")";
            await FlagAsync(attempt, fact, PaymentAttemptStatus.NotApplied, closed, LogLevel.Warning, attempt.OrderId);
            return new SettlementResult(SettlementOutcome.OrderNotPayable, attempt, closed);
        }

        var duplicate = $"DUPLICATE PAYMENT: QFPay payment {fact.Syssn} ({amount}, out_trade_no {fact.OutTradeNo}) arrived {fact.Source.Describe()} for " +
            $"order id {attempt.OrderId}, which was already paid by {DescribeTransaction(claim.Syssn)}. It is NOT applied to the order; refund it from " +
            "the order page (\"Refund this duplicate payment\")";
        await FlagAsync(attempt, fact, PaymentAttemptStatus.DuplicatePayment, duplicate, LogLevel.Warning, attempt.OrderId);
        return new SettlementResult(SettlementOutcome.DuplicatePayment, attempt, duplicate);
    }

    /// <summary>
    /// Moves the attempt to a money-to-return status with this payment's syssn; the note and the log line are written by
    /// whichever report made the move, once.
    /// </summary>
    private async Task FlagAsync(QfPayPaymentAttempt attempt, PaidFact fact, PaymentAttemptStatus status, string detail, LogLevel level, int? orderId)
    {
        if (!await MoveAttemptAsync(attempt, fact, status, Shorten(detail)))
            return;

        var line = $"{OrderNotes.Prefix}{detail}.";
        if (orderId is { } id)
            await _orderNotes.AddLineAsync(id, line);
        await (level == LogLevel.Error ? _logger.ErrorAsync(line) : _logger.WarningAsync(line));
    }

    private async Task<bool> MoveAttemptAsync(QfPayPaymentAttempt attempt, PaidFact fact, PaymentAttemptStatus status, string message)
    {
        var change = new AttemptChange(status, message, UtcNow()) { Syssn = fact.Syssn, LastResponseCode = QfPayResponseCodes.SuccessCode };
        if (!await _attempts.TryChangeAsync(attempt.Id, change))
            return false;

        change.ApplyTo(attempt);
        return true;
    }

    private async Task<SettlementResult> RecordMismatchAsync(QfPayPaymentAttempt attempt, PaidFact fact, string mismatch, CancellationToken cancellationToken)
    {
        var subject = Subject(attempt, fact);
        var detail = $"QFPay reports a paid payment that does not match what was sent ({subject}, {fact.Source.Describe()}): {mismatch}. The order is NOT " +
            "marked paid; check the payment in QFPay's merchant portal and refund it or settle the order by hand";

        var change = new AttemptChange(PaymentAttemptStatus.Mismatch, Shorten(mismatch), UtcNow()) { LastResponseCode = QfPayResponseCodes.SuccessCode };
        var noted = await _attempts.TryChangeAsync(attempt.Id, change with { Syssn = string.IsNullOrEmpty(attempt.Syssn) ? fact.Syssn : null });
        if (noted)
        {
            change.ApplyTo(attempt);
        }
        else
        {
            // The attempt already holds money (another report); this one is about a different transaction, noted once by
            // a claim on its own syssn however often QFPay repeats it.
            var claim = new QfPaySettlementClaim
            {
                ClaimKey = SettlementClaimKeys.Mismatch(fact.Syssn),
                OrderId = attempt.OrderId,
                AttemptId = attempt.Id,
                Syssn = fact.Syssn,
                ClaimedOnUtc = UtcNow(),
                CompletedOnUtc = UtcNow(),
                Outcome = SettlementClaimOutcome.Mismatch,
            };
            switch (await _claims.TryInsertAsync(claim, cancellationToken))
            {
                case UniqueInsert.Failed:
                    return await TransientAsync(attempt, fact, "the mismatch record could not be written");
                case UniqueInsert.Duplicate:
                    return new SettlementResult(SettlementOutcome.Mismatch, attempt, $"repeated mismatching payment ({subject}); already noted", IsDuplicate: true);
            }
        }

        var line = $"{OrderNotes.Prefix}{detail}.";
        await _orderNotes.AddLineAsync(attempt.OrderId, line);
        await _logger.ErrorAsync(line);
        return new SettlementResult(SettlementOutcome.Mismatch, attempt, detail);
    }

    private async Task CompleteClaimAsync(QfPaySettlementClaim claim, Lease lease, ClaimCompletion completion)
    {
        lease.Stop();
        bool completed;
        try
        {
            completed = await _claims.TryCompleteAsync(claim.Id, claim.HolderToken!, completion);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The work is done; a dropped connection should not leave the claim to the reconciliation task. Once more,
            // and if that fails too the caller answers "retry" and the next report finds the attempt settled.
            completed = await _claims.TryCompleteAsync(claim.Id, claim.HolderToken!, completion);
        }

        if (!completed)
        {
            // Only possible if this holder stalled past its lease and was replaced; the taker redid the work guarded by
            // the order's state. Worth a look, never a second mark.
            await _logger.ErrorAsync($"{OrderNotes.Prefix}the settlement claim of order id {claim.OrderId} was taken over while this node worked on it; " +
                "check the order's notes.");
        }
    }

    private async Task<SettlementResult> BusyAfterLosingLeaseAsync(QfPayPaymentAttempt attempt, PaidFact fact)
    {
        var detail = $"the settlement of order id {attempt.OrderId} lost its claim before marking the order ({Subject(attempt, fact)}); it is tried again later";
        await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}.");
        return new SettlementResult(SettlementOutcome.Busy, attempt, detail);
    }

    /// <summary>Re-reads an open claim until its holder completes it, it turns out abandoned, or the wait is over.</summary>
    private async Task<QfPaySettlementClaim?> WaitForHolderAsync(string claimKey, CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow() + _timings.WaitForHolder;
        while (true)
        {
            var claim = await _claims.FindAsync(claimKey, cancellationToken);
            if (claim is null || claim.CompletedOnUtc is not null || IsAbandoned(claim) || _timeProvider.GetUtcNow() >= deadline)
                return claim;

            await Task.Delay(_timings.PollInterval, _timeProvider, cancellationToken);
        }
    }

    private bool IsAbandoned(QfPaySettlementClaim claim) =>
        claim.CompletedOnUtc is null
        && (UtcNow() - DateTime.SpecifyKind(claim.ClaimedOnUtc, DateTimeKind.Utc) > _timings.Lease || _holder.IsGone(claim.HolderToken));

    private async Task<SettlementResult> TransientAsync(QfPayPaymentAttempt attempt, PaidFact fact, string what)
    {
        var detail = $"{what} for {Subject(attempt, fact)}; it will be retried";
        await TryAsync(() => _logger.WarningAsync($"{OrderNotes.Prefix}{detail}."));
        return new SettlementResult(SettlementOutcome.TransientFailure, attempt, detail);
    }

    private static string? DescribeMismatch(QfPayPaymentAttempt attempt, PaidFact fact)
    {
        var problems = new List<string>();
        // Text from the notification goes into an order note and the attempt row: only its printable part, so that
        // a value the database refuses (a NUL, say) cannot turn a mismatch into a failure QFPay retries for a day.
        var currency = PrintableText.Of(fact.Currency);
        if (fact.AmountMinor != attempt.AmountMinor)
            problems.Add($"amount {MinorUnits.Display(fact.AmountMinor, currency)} instead of {MinorUnits.Display(attempt.AmountMinor, attempt.CurrencyCode)}");

        if (!string.Equals(fact.Currency?.Trim(), attempt.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            problems.Add($"currency {currency} instead of {attempt.CurrencyCode}");
        else if (!MinorUnits.ExponentOf(fact.Currency).IsValid)
            problems.Add($"currency {currency} is not one QFPay charges in");

        // QFPay gives one syssn per out_trade_no; a different one is not this attempt's payment.
        if (attempt.Syssn is { Length: > 0 } known && !string.Equals(known, fact.Syssn, StringComparison.OrdinalIgnoreCase))
            problems.Add($"syssn {PrintableText.Of(fact.Syssn)} instead of {known}");

        if (!string.IsNullOrWhiteSpace(fact.PayType) && !string.Equals(fact.PayType.Trim(), attempt.PayType.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            problems.Add($"pay type {PrintableText.Of(fact.PayType)} instead of {attempt.PayType}");

        if (!NoCancel.Contains(fact.Cancel?.Trim() ?? string.Empty))
            problems.Add(DescribeCancel(PrintableText.Of(fact.Cancel)));

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string DescribeCancel(string cancel) => cancel switch
    {
        "3" => "QFPay already shows it refunded in full (cancel 3)",
        "5" => "QFPay already shows it partly refunded (cancel 5)",
        "1" or "2" => $"QFPay shows it cancelled (cancel {cancel})",
        _ => $"QFPay flags it with cancel {cancel}",
    };

    private static bool IsAlreadyPaid(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    private static string DescribeTransaction(string? transactionId) =>
        string.IsNullOrWhiteSpace(transactionId) ? "another payment (no QFPay transaction recorded on the order)" : $"QFPay payment {transactionId}";

    /// <summary>The identifying part of every settlement log line and note: "order id 10025, out_trade_no ..., syssn ..." (without the order when no attempt is known). No secrets.</summary>
    private static string Subject(QfPayPaymentAttempt? attempt, PaidFact fact) => attempt is null
        ? $"out_trade_no {fact.OutTradeNo}, syssn {fact.Syssn}"
        : string.Create(CultureInfo.InvariantCulture, $"order id {attempt.OrderId}, out_trade_no {fact.OutTradeNo}, syssn {fact.Syssn}");

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Settlement's routine lines go to nopCommerce's log only with the store's debug logging on: the order note already tells it.</summary>
    private async Task DebugAsync(int storeId, string detail)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeId);
        if (settings.DebugLogging)
            await _logger.InsertLogAsync(LogLevel.Debug, $"{OrderNotes.Prefix}{detail}.");
    }

    private static async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception)
        {
            // The log lives in the same database that just failed; the outcome is returned either way.
        }
    }

    /// <summary>
    /// The holder's lease on an order's claim: renewed in the background every <see cref="SettlementTimings.RenewEvery"/>
    /// while the holder works, so a slow mark-paid keeps it; checked just before the order is marked.
    /// </summary>
    private sealed class Lease : IAsyncDisposable
    {
        private readonly SettlementService _service;
        private readonly QfPaySettlementClaim _claim;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewals;
        private DateTime _renewedOnUtc;
        private volatile bool _lost;

        public Lease(SettlementService service, QfPaySettlementClaim claim)
        {
            _service = service;
            _claim = claim;
            _renewedOnUtc = DateTime.SpecifyKind(claim.ClaimedOnUtc, DateTimeKind.Utc);
            _renewals = RenewAsync();
        }

        /// <summary>True while enough of the lease is left to mark the order; renews first when it is running short.</summary>
        public async Task<bool> EnsureSafeAsync()
        {
            if (_lost)
                return false;

            if (_service.UtcNow() - _renewedOnUtc < _service._timings.Lease - _service._timings.SafetyMargin)
                return true;

            return await TryRenewAsync();
        }

        public void Stop()
        {
            if (!_stop.IsCancellationRequested)
                _stop.Cancel();
        }

        /// <summary>Backdates the claim so the next report takes it over at once instead of waiting out the lease.</summary>
        public async Task ReleaseAsync()
        {
            Stop();
            try
            {
                await _service._claims.TryRenewAsync(_claim.Id, _claim.HolderToken!, _service.UtcNow() - _service._timings.Lease - _service._timings.Lease);
            }
            catch (Exception)
            {
                // The database is likely what failed; the lease runs out on its own.
            }
        }

        public async ValueTask DisposeAsync()
        {
            Stop();
            try
            {
                await _renewals;
            }
            catch (Exception)
            {
                // Stopped while waiting (cancelled), or a renewal failed after the work was done: nothing left to do.
            }

            _stop.Dispose();
        }

        private async Task RenewAsync()
        {
            while (!_stop.IsCancellationRequested && !_lost)
            {
                // Paced by the machine's own timer: a heartbeat is about real elapsed work, while the lease it renews is
                // read on the shop's clock (a test's clock that jumps at every timer would otherwise race ahead).
                // Stopping is the usual end (the work finished first): no exception for it, just the check below.
                await Task.Delay(_service._timings.RenewEvery, TimeProvider.System, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (_stop.IsCancellationRequested)
                    return;

                if (!await TryRenewAsync())
                    return;
            }
        }

        private async Task<bool> TryRenewAsync()
        {
            var now = _service.UtcNow();
            try
            {
                if (await _service._claims.TryRenewAsync(_claim.Id, _claim.HolderToken!, now))
                {
                    _renewedOnUtc = now;
                    return true;
                }

                _lost = true;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // A failed renewal is not a lost lease; the check before marking renews again or refuses.
            }

            return false;
        }
    }
}

/// <summary>What settling a <see cref="PaidFact"/> did.</summary>
public enum SettlementOutcome
{
    /// <summary>This payment paid the order: marked now (or an interrupted settlement of it was completed).</summary>
    Settled,

    /// <summary>This payment had paid the order already; nothing changed.</summary>
    AlreadySettled,

    /// <summary>No attempt has this out_trade_no; nothing changed.</summary>
    UnknownTransaction,

    /// <summary>Amount, currency, syssn or pay type differ, or QFPay shows it refunded or cancelled: the order is not paid.</summary>
    Mismatch,

    /// <summary>The order was paid by another payment: this one is flagged as a duplicate payment to refund, never marked.</summary>
    DuplicatePayment,

    /// <summary>The order cannot be paid any more (cancelled, deleted): the payment is flagged to refund.</summary>
    OrderNotPayable,

    /// <summary>Another caller is settling this order right now and did not finish within the wait: try again later.</summary>
    Busy,

    /// <summary>The database (or another dependency) failed: nothing is known, try again later.</summary>
    TransientFailure,
}

/// <param name="Attempt">The attempt the fact was about, as it stands after settling (null when unknown or on failure).</param>
/// <param name="IsDuplicate">The same report was handled before: nothing was written now.</param>
public sealed record SettlementResult(SettlementOutcome Outcome, Domain.QfPayPaymentAttempt? Attempt, string Detail, bool IsDuplicate = false)
{
    /// <summary>Nothing was decided: the caller should let the sender retry (notification) or try again later.</summary>
    public bool IsRetryable => Outcome is SettlementOutcome.Busy or SettlementOutcome.TransientFailure;

    /// <summary>The order is paid by this very payment.</summary>
    public bool PaidTheOrder => Outcome is SettlementOutcome.Settled or SettlementOutcome.AlreadySettled;
}

/// <summary>Who learned that a payment was paid; order notes say it in these words (<see cref="SettlementSources.Describe"/>).</summary>
public enum SettlementSource
{
    /// <summary>QFPay's signed notification.</summary>
    Notification,

    /// <summary>The shopper came back from the wallet and a query found the payment paid.</summary>
    ReturnPage,

    /// <summary>The reconciliation task's query.</summary>
    Reconciliation,

    /// <summary>An admin's "Check status now".</summary>
    AdminCheck,

    /// <summary>The desktop page that waits for a QR payment asked, and a query found it paid.</summary>
    StatusPage,

    /// <summary>The shopper opened a payment link again (resume route, "Retry payment"), and a query found it paid.</summary>
    Retry,
}

public static class SettlementSources
{
    /// <summary>How an order note says where the news came from, in words an admin reads.</summary>
    public static string Describe(this SettlementSource source) => source switch
    {
        SettlementSource.Notification => "from QFPay's notification",
        SettlementSource.ReturnPage => "when the shopper returned from Alipay",
        SettlementSource.Reconciliation => "by the reconciliation task",
        SettlementSource.AdminCheck => "by Check status now",
        SettlementSource.StatusPage => "while the shopper's payment page was waiting",
        SettlementSource.Retry => "when the shopper opened the payment again",
        _ => "by a status check",
    };
}

/// <summary>
/// A verified statement from QFPay that a payment succeeded: a notification whose signature checked out, or a query
/// record with respcd 0000. <see cref="OutTradeNo"/> finds the attempt; amount, currency, pay type and cancel flag are
/// compared with what the attempt sent before anything is paid.
/// </summary>
/// <param name="PayType">QFPay's pay_type as reported, when reported.</param>
/// <param name="Cancel">QFPay's cancel flag as reported (0 none, 1/2 cancelled, 3 refunded, 4 pre-auth, 5 partly refunded).</param>
public sealed record PaidFact(string OutTradeNo, string Syssn, long AmountMinor, string Currency, SettlementSource Source,
    string? PayType = null, string? Cancel = null);
