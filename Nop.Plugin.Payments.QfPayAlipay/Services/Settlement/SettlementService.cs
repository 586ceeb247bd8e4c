using System.Collections.Frozen;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>
/// The one place where a QFPay payment becomes a paid order. The notification, the return page, the reconciliation
/// task and the admin "check status" all hand their verified <see cref="PaidFact"/> here, so the rules hold whichever
/// of them comes first, and however many arrive at once on however many web nodes.
/// </summary>
/// <remarks>
/// <para>Exactly once: the caller that INSERTs the claim row <c>payment:&lt;syssn&gt;#1</c> (unique index) is the only
/// one that touches the order. The others wait briefly for it to complete and answer "already settled", or "busy"
/// when it is still running. nopCommerce's <c>ILocker</c> is deliberately not used in front of it: in a web farm it
/// is check-then-set (PLUGIN-API.md Appendix C), so it could not be the guarantee, and it would save at most one
/// INSERT per duplicate.</para>
/// <para>Crash safety: the holder writes the transaction id on the order, marks it paid, notes it, marks the attempt
/// and completes the claim, in that order. A claim still open after <see cref="SettlementTimings.Lease"/> is taken
/// over by inserting generation + 1 (unique again, so one taker); the taker redoes the steps, each guarded by the
/// order's state (<c>CaptureTransactionId</c>, <c>CanMarkOrderAsPaid</c>), so nothing is done twice. A holder that is
/// merely slower than the lease could overlap with its taker; the lease is two minutes for a job of milliseconds.</para>
/// </remarks>
public class SettlementService
{
    // One text per source, so marking an attempt paid builds no string.
    private static readonly FrozenDictionary<SettlementSource, string> PaidMessages =
        Enum.GetValues<SettlementSource>().ToFrozenDictionary(static source => source, static source => $"Paid (learned from {source}).");

    private readonly IPaymentAttemptStore _attempts;
    private readonly ISettlementClaimStore _claims;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly TimeProvider _timeProvider;
    private readonly SettlementTimings _timings;

    public SettlementService(IPaymentAttemptStore attempts,
        ISettlementClaimStore claims,
        ILogger logger,
        OrderNotes orderNotes,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        TimeProvider timeProvider,
        SettlementTimings timings)
    {
        _attempts = attempts;
        _claims = claims;
        _logger = logger;
        _orderNotes = orderNotes;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _timeProvider = timeProvider;
        _timings = timings;
    }

    /// <summary>Settles <paramref name="fact"/>. Never throws for a failure: transient ones come back as an outcome.</summary>
    public virtual Task<SettlementResult> SettleAsync(PaidFact fact, CancellationToken cancellationToken = default) =>
        SettleAsync(fact, null, cancellationToken);

    /// <summary>
    /// <see cref="SettleAsync(PaidFact, CancellationToken)"/> for a caller that has just read the attempt of
    /// <paramref name="fact"/> (the notify route reads it to pick the key), so it is not read twice in a row.
    /// </summary>
    /// <param name="justRead">The attempt with <see cref="PaidFact.OutTradeNo"/>, read moments ago; null to read it here.</param>
    public virtual async Task<SettlementResult> SettleAsync(PaidFact fact, QfPayPaymentAttempt? justRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        try
        {
            return await SettleCoreAsync(fact, justRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Database errors, a nopCommerce service failing half-way: the claim (if taken) stays open and the
            // settlement is completed by the next delivery after the lease, or by reconciliation.
            var detail = $"settling {SettlementLog.Subject(null, fact)} failed ({exception.GetType().Name}); it will be retried";
            await TryLogAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}{detail}.", exception));
            return new SettlementResult(SettlementOutcome.TransientFailure, null, detail);
        }
    }

    private async ValueTask<SettlementResult> SettleCoreAsync(PaidFact fact, QfPayPaymentAttempt? justRead, CancellationToken cancellationToken)
    {
        var attempt = justRead is not null && string.Equals(justRead.OutTradeNo, fact.OutTradeNo, StringComparison.OrdinalIgnoreCase)
            ? justRead
            : await _attempts.FindByOutTradeNoAsync(fact.OutTradeNo, cancellationToken);
        if (attempt is null)
        {
            var unknown = $"QFPay reports a payment for unknown {SettlementLog.Subject(null, fact)} ({SettlementLog.Amount(fact.AmountMinor, fact.Currency)}, from {fact.Source}); nothing changed";
            await _logger.WarningAsync($"{OrderNotes.Prefix}{unknown}.");
            return new SettlementResult(SettlementOutcome.UnknownTransaction, null, unknown);
        }

        if (DescribeMismatch(attempt, fact) is { } mismatch)
            return await RecordMismatchAsync(attempt, fact, mismatch, cancellationToken);

        for (var generation = 1; generation <= _timings.MaxGenerations; generation++)
        {
            var claim = new QfPaySettlementClaim
            {
                ClaimKey = SettlementClaimKeys.Payment(fact.Syssn, generation),
                OrderId = attempt.OrderId,
                AttemptId = attempt.Id,
                Syssn = fact.Syssn,
                ClaimedOnUtc = UtcNow(),
                Outcome = SettlementClaimOutcome.InProgress,
            };

            switch (await _claims.TryInsertAsync(claim, cancellationToken))
            {
                case UniqueInsert.Inserted:
                    if (generation > 1)
                    {
                        await _logger.WarningAsync($"{OrderNotes.Prefix}taking over the settlement of {SettlementLog.Subject(attempt, fact)}: " +
                            $"claim generation {generation - 1} was not completed within {_timings.Lease.TotalSeconds:0} s.");
                    }

                    try
                    {
                        // Once the claim is ours the work is finished even if the caller goes away (QFPay hanging up,
                        // a browser closed): an abandoned claim would hold the payment until the lease runs out.
                        return await CompleteAsync(claim, attempt, fact, CancellationToken.None);
                    }
                    catch (Exception)
                    {
                        await ReleaseAsync(claim);
                        throw;
                    }

                case UniqueInsert.Failed:
                    return await TransientAsync(attempt, fact, "the settlement claim could not be written");
            }

            var existing = await WaitForHolderAsync(claim.ClaimKey, cancellationToken);
            if (existing is null)
                return await TransientAsync(attempt, fact, "the settlement claim could not be read back");

            if (existing.CompletedOnUtc is not null)
                return await FromCompletedClaimAsync(existing, attempt, fact, cancellationToken);

            if (!IsAbandoned(existing))
            {
                var busy = $"the settlement of {SettlementLog.Subject(attempt, fact)} is in progress elsewhere (claim {existing.ClaimKey}); try again later";
                await _logger.WarningAsync($"{OrderNotes.Prefix}{busy}.");
                return new SettlementResult(SettlementOutcome.Busy, attempt, busy);
            }
        }

        var exhausted = $"the settlement of {SettlementLog.Subject(attempt, fact)} was abandoned {_timings.MaxGenerations} times; check the order by hand";
        await _logger.ErrorAsync($"{OrderNotes.Prefix}{exhausted}.");
        return new SettlementResult(SettlementOutcome.Busy, attempt, exhausted);
    }

    /// <summary>The holder's work: the order, its note, the attempt, the claim (see the remarks on the class).</summary>
    private async ValueTask<SettlementResult> CompleteAsync(QfPaySettlementClaim claim, QfPayPaymentAttempt attempt, PaidFact fact,
        CancellationToken cancellationToken)
    {
        var subject = SettlementLog.Subject(attempt, fact);
        var amount = SettlementLog.Amount(fact.AmountMinor, fact.Currency);
        var order = await _orderService.GetOrderByIdAsync(attempt.OrderId);

        SettlementClaimOutcome claimOutcome;
        SettlementOutcome outcome;
        string detail;
        if (order is null || order.Deleted)
        {
            claimOutcome = SettlementClaimOutcome.OrderNotPayable;
            outcome = SettlementOutcome.OrderNotPayable;
            detail = $"payment {amount} received for {subject}, but the order {(order is null ? "no longer exists" : "is deleted")}: refund it in QFPay's merchant portal";
            await NoteAndLogAsync(order?.Id, LogLevel.Error, detail);
        }
        else if (IsAlreadyPaid(order))
        {
            if (string.Equals(order.CaptureTransactionId, fact.Syssn, StringComparison.Ordinal))
            {
                // A previous holder got as far as marking the order paid and died before completing the claim.
                claimOutcome = SettlementClaimOutcome.AlreadyPaid;
                outcome = SettlementOutcome.Settled;
                detail = $"payment {amount} confirmed for {subject} (completing an interrupted settlement; the order was already marked paid)";
                await NoteAndLogAsync(order.Id, LogLevel.Information, detail);
            }
            else
            {
                claimOutcome = SettlementClaimOutcome.PaidTwice;
                outcome = SettlementOutcome.PaidTwice;
                detail = $"order {order.CustomOrderNumber} was paid twice: QFPay payment {fact.Syssn} ({amount}, out_trade_no {fact.OutTradeNo}) " +
                    $"arrived after the order had been paid by {DescribeTransaction(order.CaptureTransactionId)}; refund one of them in QFPay's merchant portal";
                await NoteAndLogAsync(order.Id, LogLevel.Warning, detail);
            }
        }
        else if (!_orderProcessingService.CanMarkOrderAsPaid(order))
        {
            claimOutcome = SettlementClaimOutcome.OrderNotPayable;
            outcome = SettlementOutcome.OrderNotPayable;
            detail = $"payment {amount} received for order {order.CustomOrderNumber} ({subject}), but the order is {order.OrderStatus}/{order.PaymentStatus} " +
                "and cannot be marked paid: refund the payment in QFPay's merchant portal or reopen the order";
            await NoteAndLogAsync(order.Id, LogLevel.Warning, detail);
        }
        else
        {
            order.CaptureTransactionId = fact.Syssn;
            order.CaptureTransactionResult = $"Paid {amount} by Alipay (QFPay pay type {attempt.PayType}), out_trade_no {fact.OutTradeNo}";
            await _orderService.UpdateOrderAsync(order);

            // Guarded again: nopCommerce throws when the order cannot be marked (PLUGIN-API.md §6.2).
            if (_orderProcessingService.CanMarkOrderAsPaid(order))
                await _orderProcessingService.MarkOrderAsPaidAsync(order);

            claimOutcome = SettlementClaimOutcome.MarkedPaid;
            outcome = SettlementOutcome.Settled;
            detail = $"payment {amount} received and order {order.CustomOrderNumber} marked paid ({subject}, via {fact.Source})";
            await NoteAndLogAsync(order.Id, LogLevel.Information, detail);
        }

        // QFPay took the money whatever the order's state, so the attempt is paid in every branch.
        await MarkAttemptPaidAsync(attempt, fact, cancellationToken);

        claim.CompletedOnUtc = UtcNow();
        claim.Outcome = claimOutcome;
        await _claims.UpdateAsync(claim, cancellationToken);

        return new SettlementResult(outcome, attempt, detail);
    }

    private async ValueTask<SettlementResult> FromCompletedClaimAsync(QfPaySettlementClaim claim, QfPayPaymentAttempt attempt, PaidFact fact,
        CancellationToken cancellationToken)
    {
        // The holder marks the attempt before completing the claim, but a stale writer (e.g. a return page that read
        // the attempt earlier) may have overwritten it since: put it right.
        if (attempt.Status != PaymentAttemptStatus.Paid)
            await MarkAttemptPaidAsync(attempt, fact, cancellationToken);

        var outcome = claim.Outcome switch
        {
            SettlementClaimOutcome.PaidTwice => SettlementOutcome.PaidTwice,
            SettlementClaimOutcome.OrderNotPayable => SettlementOutcome.OrderNotPayable,
            _ => SettlementOutcome.AlreadySettled,
        };

        var detail = $"duplicate of a settled payment ({SettlementLog.Subject(attempt, fact)}, settled as {claim.Outcome}); nothing changed";
        if (fact.Source == SettlementSource.Notification)
            await _logger.InformationAsync($"{OrderNotes.Prefix}{detail}.");
        return new SettlementResult(outcome, attempt, detail, IsDuplicate: true);
    }

    private async ValueTask<SettlementResult> RecordMismatchAsync(QfPayPaymentAttempt attempt, PaidFact fact, string mismatch,
        CancellationToken cancellationToken)
    {
        var subject = SettlementLog.Subject(attempt, fact);
        var detail = $"QFPay reports a paid payment that does not match what was sent ({subject}): {mismatch}. The order is NOT marked paid; " +
            "check the payment in QFPay's merchant portal and refund it or settle the order by hand";

        // The claim makes the note and the error line happen once, however often QFPay repeats the notification.
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

        await NoteAndLogAsync(attempt.OrderId, LogLevel.Error, detail);

        var fresh = await _attempts.FindByOutTradeNoAsync(attempt.OutTradeNo, CancellationToken.None) ?? attempt;
        if (fresh.Status != PaymentAttemptStatus.Paid)
        {
            // A paid attempt keeps its status: this report is about another transaction, not a reason to unpay it.
            fresh.Status = PaymentAttemptStatus.Mismatch;
            fresh.LastMessage = Shorten(mismatch);
            fresh.UpdatedOnUtc = UtcNow();
            await _attempts.UpdateAsync(fresh, CancellationToken.None);
        }

        return new SettlementResult(SettlementOutcome.Mismatch, fresh, detail);
    }

    /// <summary>One line, built once, as the order's note (when there is an order) and in the log.</summary>
    private async Task NoteAndLogAsync(int? orderId, LogLevel level, string detail)
    {
        var line = $"{OrderNotes.Prefix}{detail}.";
        if (orderId is { } id)
            await _orderNotes.AddLineAsync(id, line);

        await (level switch
        {
            LogLevel.Error => _logger.ErrorAsync(line),
            LogLevel.Warning => _logger.WarningAsync(line),
            _ => _logger.InformationAsync(line),
        });
    }

    private async Task MarkAttemptPaidAsync(QfPayPaymentAttempt attempt, PaidFact fact, CancellationToken cancellationToken)
    {
        // Read fresh: the row may have been written since it was loaded (last writer wins on UPDATE).
        var fresh = await _attempts.FindByOutTradeNoAsync(attempt.OutTradeNo, cancellationToken) ?? attempt;
        fresh.Status = PaymentAttemptStatus.Paid;
        fresh.Syssn = fact.Syssn;
        fresh.LastResponseCode = Protocol.Codes.QfPayResponseCodes.SuccessCode;
        fresh.LastMessage = PaidMessages[fact.Source];
        fresh.UpdatedOnUtc = UtcNow();
        await _attempts.UpdateAsync(fresh, cancellationToken);

        attempt.Status = fresh.Status;
        attempt.Syssn = fresh.Syssn;
    }

    /// <summary>Re-reads an open claim until its holder completes it, it turns out abandoned, or the wait is over.</summary>
    private async ValueTask<QfPaySettlementClaim?> WaitForHolderAsync(string claimKey, CancellationToken cancellationToken)
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

    /// <summary>
    /// A holder that failed half-way backdates its own claim, so the next delivery takes it over at once instead of
    /// waiting out the lease; every step it redoes is guarded by the order's state. Best effort: if even this write
    /// fails, the lease still expires on its own.
    /// </summary>
    private async Task ReleaseAsync(QfPaySettlementClaim claim)
    {
        try
        {
            claim.ClaimedOnUtc = UtcNow() - _timings.Lease;
            await _claims.UpdateAsync(claim, CancellationToken.None);
        }
        catch (Exception)
        {
            // The database is likely what failed; the lease covers it.
        }
    }

    private bool IsAbandoned(QfPaySettlementClaim claim) =>
        claim.CompletedOnUtc is null && UtcNow() - DateTime.SpecifyKind(claim.ClaimedOnUtc, DateTimeKind.Utc) >= _timings.Lease;

    private async ValueTask<SettlementResult> TransientAsync(QfPayPaymentAttempt attempt, PaidFact fact, string what)
    {
        var detail = $"{what} for {SettlementLog.Subject(attempt, fact)}; it will be retried";
        await TryLogAsync(() => _logger.WarningAsync($"{OrderNotes.Prefix}{detail}."));
        return new SettlementResult(SettlementOutcome.TransientFailure, attempt, detail);
    }

    private static string? DescribeMismatch(QfPayPaymentAttempt attempt, PaidFact fact)
    {
        // Allocated only when something differs: the usual payment matches.
        List<string>? problems = null;
        if (fact.AmountMinor != attempt.AmountMinor)
            (problems ??= []).Add($"amount {SettlementLog.Amount(fact.AmountMinor, fact.Currency)} instead of {SettlementLog.Amount(attempt.AmountMinor, attempt.CurrencyCode)}");

        if (!string.Equals(fact.Currency?.Trim(), attempt.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            (problems ??= []).Add($"currency {fact.Currency} instead of {attempt.CurrencyCode}");

        // QFPay gives one syssn per out_trade_no (API.md §4.2); a different one is not this attempt's payment.
        if (attempt.Syssn is { Length: > 0 } known && !string.Equals(known, fact.Syssn, StringComparison.Ordinal))
            (problems ??= []).Add($"syssn {fact.Syssn} instead of {known}");

        return problems is null ? null : string.Join("; ", problems);
    }

    private static bool IsAlreadyPaid(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    private static string DescribeTransaction(string? transactionId) =>
        string.IsNullOrWhiteSpace(transactionId) ? "another payment (no transaction id recorded)" : $"transaction {transactionId}";

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    private static async Task TryLogAsync(Func<Task> write)
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
}
