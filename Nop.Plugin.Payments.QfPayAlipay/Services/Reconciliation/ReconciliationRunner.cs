using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>
/// One reconciliation run: asks QFPay about what is still open, oldest first, within one query budget, and applies
/// the answers through the same routines the notification, the return page and the admin use.
/// </summary>
/// <remarks>
/// <para>Order of work: settlements a dying node left half-way (money received, order maybe not marked paid), then
/// refunds awaiting confirmation, then open payment attempts older than <see cref="ReconciliationPolicy.MinimumAge"/>,
/// each list oldest first. All share <see cref="ReconciliationPolicy.QueriesPerRun"/>; what is left waits for the
/// next run.</para>
/// <para>Several nodes: each attempt or refund is queried only by the node that wins its query claim
/// (<see cref="QueryClaims"/>), at most once per the store's ReconciliationIntervalMinutes; the task wraps the run
/// in ILocker as well, which in a farm only reduces overlap (PLUGIN-API.md Appendix C). Before each query the run
/// waits for the shared <see cref="MerchantRateLimiter"/>, so its queries never spend their timeout waiting for a
/// permit inside the client.</para>
/// </remarks>
public class ReconciliationRunner
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly AttemptExpiry _expiry;
    private readonly ILogger _logger;
    private readonly MerchantRateLimiter _limiter;
    private readonly ReconciliationPolicy _policy;
    private readonly QueryClaims _queryClaims;
    private readonly IRefundStore _refunds;
    private readonly PendingRefundResolver _refundResolver;
    private readonly RefundTimings _refundTimings;
    private readonly ISettingService _settingService;
    private readonly SettlementService _settlement;
    private readonly SettlementTimings _settlementTimings;
    private readonly IReconciliationSource _source;
    private readonly PaymentStatusCheck _statusCheck;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkClaimStore _workClaims;

    public ReconciliationRunner(IPaymentAttemptStore attempts,
        AttemptExpiry expiry,
        ILogger logger,
        MerchantRateLimiter limiter,
        ReconciliationPolicy policy,
        QueryClaims queryClaims,
        IRefundStore refunds,
        PendingRefundResolver refundResolver,
        RefundTimings refundTimings,
        ISettingService settingService,
        SettlementService settlement,
        SettlementTimings settlementTimings,
        IReconciliationSource source,
        PaymentStatusCheck statusCheck,
        TimeProvider timeProvider,
        IWorkClaimStore workClaims)
    {
        _attempts = attempts;
        _expiry = expiry;
        _logger = logger;
        _limiter = limiter;
        _policy = policy;
        _queryClaims = queryClaims;
        _refunds = refunds;
        _refundResolver = refundResolver;
        _refundTimings = refundTimings;
        _settingService = settingService;
        _settlement = settlement;
        _settlementTimings = settlementTimings;
        _source = source;
        _statusCheck = statusCheck;
        _timeProvider = timeProvider;
        _workClaims = workClaims;
    }

    public virtual async Task<ReconciliationSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var run = new Run(new StoreAccounts(_settingService), new ReconciliationSummary(), _policy.QueriesPerRun);
        try
        {
            await _workClaims.PruneQueriesAsync(UtcNow() - _policy.ClaimRetention, cancellationToken);
            await CompleteInterruptedSettlementsAsync(run, cancellationToken);
            await ResolvePendingRefundsAsync(run, cancellationToken);
            await CheckOpenAttemptsAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Summary.TimedOut = true;
        }
        catch (TooManyFailuresException)
        {
            // Already logged; the summary says how far the run got.
        }

        return run.Summary;
    }

    private async Task CompleteInterruptedSettlementsAsync(Run run, CancellationToken cancellationToken)
    {
        var now = UtcNow();
        ListPosition? after = null;
        while (run.HasBudget)
        {
            // A first generation taken over and completed by a second stays open for ever; the age window lets such
            // rows drop out, and paging keeps them from hiding newer ones.
            var page = await _source.ListAbandonedSettlementsAsync(now - _policy.MaximumAge, now - _settlementTimings.Lease, after, _policy.PageSize, cancellationToken);
            if (page.Count == 0)
                return;

            after = new ListPosition(page[^1].ClaimedOnUtc, page[^1].Id);
            foreach (var claim in page)
            {
                if (!run.HasBudget)
                    return;

                // An order closed by the expiry rule holds its claim without a payment; its holder releases or completes it.
                var attempt = string.IsNullOrEmpty(claim.Syssn) ? null : await _attempts.FindBySyssnAsync(claim.Syssn, cancellationToken);
                if (attempt is null)
                    continue;

                // The holder got as far as recording the payment's outcome: only the claim is left to close, no query needed.
                if (attempt.Status.HoldsMoney())
                {
                    if (await _settlement.CloseAbandonedAsync(claim, attempt, cancellationToken))
                        run.Summary.InterruptedCompleted++;
                    continue;
                }

                var check = await QueryAttemptAsync(run, attempt, cancellationToken);
                if (check?.State is PaymentCheckState.Paid or PaymentCheckState.MoneyNotApplied)
                    run.Summary.InterruptedCompleted++;
            }
        }
    }

    private async Task ResolvePendingRefundsAsync(Run run, CancellationToken cancellationToken)
    {
        // Refunds younger than the in-flight window may still be inside the admin's request, which settles them itself.
        var createdBefore = UtcNow() - _refundTimings.InFlight;
        ListPosition? after = null;
        while (run.HasBudget)
        {
            var page = await _refunds.ListPendingAsync(createdBefore, after, _policy.PageSize, cancellationToken);
            if (page.Count == 0)
                return;

            after = new ListPosition(page[^1].CreatedOnUtc, page[^1].Id);
            foreach (var refund in page)
            {
                if (!run.HasBudget)
                    break;

                await GuardAsync(run, $"refund {refund.OutTradeNo}", async () =>
                {
                    var store = await run.Stores.ForStoreAsync(refund.StoreId);
                    if (!store.Account.IsValid)
                    {
                        run.Summary.SkippedUnconfigured++;
                        return;
                    }

                    if (!await _queryClaims.TryClaimAsync(WorkClaimKind.QueryRefund, refund.Id, ReconciliationPolicy.RequeryInterval(store.Settings), cancellationToken))
                        return;

                    await SpendQueryAsync(run, store, cancellationToken);
                    var resolution = await _refundResolver.ResolveAsync(store.Account.Value, refund, RefundSource.Reconciliation, cancellationToken);
                    switch (resolution.Kind)
                    {
                        case RefundResolutionKind.Recorded or RefundResolutionKind.AlreadyRecorded:
                            run.Summary.RefundsRecorded++;
                            break;
                        case RefundResolutionKind.Failed:
                            run.Summary.RefundsFailed++;
                            break;
                        default:
                            run.Summary.RefundsPending++;
                            break;
                    }
                });
            }
        }
    }

    private async Task CheckOpenAttemptsAsync(Run run, CancellationToken cancellationToken)
    {
        var now = UtcNow();
        ListPosition? after = null;
        while (run.HasBudget)
        {
            var page = await _source.ListOpenAttemptsAsync(now - _policy.MaximumAge, now - _policy.MinimumAge, after, _policy.PageSize, cancellationToken);
            if (page.Count == 0)
                return;

            after = new ListPosition(page[^1].CreatedOnUtc, page[^1].Id);
            foreach (var attempt in page)
            {
                if (!run.HasBudget)
                    break;

                await QueryAttemptAsync(run, attempt, cancellationToken);
            }
        }
    }

    /// <summary>Claims, paces, queries and settles one attempt, then applies the expiry rule; null when it was not queried.</summary>
    private async Task<PaymentCheck?> QueryAttemptAsync(Run run, QfPayPaymentAttempt attempt, CancellationToken cancellationToken)
    {
        PaymentCheck? check = null;
        await GuardAsync(run, $"out_trade_no {attempt.OutTradeNo}", async () =>
        {
            var store = await run.Stores.ForStoreAsync(attempt.StoreId);
            if (!store.Account.IsValid)
            {
                run.Summary.SkippedUnconfigured++;
                return;
            }

            if (!await _queryClaims.TryClaimAsync(WorkClaimKind.QueryAttempt, attempt.Id, ReconciliationPolicy.RequeryInterval(store.Settings), cancellationToken))
                return;

            await SpendQueryAsync(run, store, cancellationToken);
            check = await _statusCheck.CheckAsync(attempt, SettlementSource.Reconciliation, cancellationToken);
            switch (check.State)
            {
                case PaymentCheckState.Paid:
                    run.Summary.Paid++;
                    break;
                case PaymentCheckState.MoneyNotApplied:
                    run.Summary.MoneyNotApplied++;
                    break;
                case PaymentCheckState.Expired:
                    run.Summary.Expired++;
                    break;
                case PaymentCheckState.NotPaid:
                    run.Summary.NotPaid++;
                    break;
            }

            // An overdue "pending" is confirmed by one more query before it may expire; without budget, next run.
            if (_expiry.NeedsConfirmingQuery(attempt, check, store.Settings))
            {
                if (!run.HasBudget)
                    return;
                await SpendQueryAsync(run, store, cancellationToken);
            }

            switch (await _expiry.ApplyAsync(attempt, check, store.Settings, cancellationToken))
            {
                case ExpiryOutcome.AttemptExpired:
                    run.Summary.Expired++;
                    break;
                case ExpiryOutcome.OrderCancelled:
                    run.Summary.OrdersCancelled++;
                    if (check.State == PaymentCheckState.Pending)
                        run.Summary.Expired++;
                    break;
                case ExpiryOutcome.None when check.State == PaymentCheckState.Pending:
                    run.Summary.StillPending++;
                    break;
            }
        });

        return check;
    }

    /// <summary>Counts one query against the budget and waits until the merchant may send it (API.md §1.5).</summary>
    private async Task SpendQueryAsync(Run run, StoreAccount store, CancellationToken cancellationToken)
    {
        run.Spend();
        await _limiter.WaitForCapacityAsync(store.Account.Value!.AppCode, cancellationToken);
    }

    /// <summary>One item's unexpected failure is logged and counted; the run goes on until too many fail.</summary>
    private async Task GuardAsync(Run run, string subject, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            run.Summary.Failures++;
            await TryAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}reconciliation of {subject} failed ({exception.GetType().Name}); it is retried next run.", exception));
            if (run.Summary.Failures >= _policy.MaxFailuresPerRun)
            {
                await TryAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}reconciliation stopped after {run.Summary.Failures} errors; the next run continues."));
                throw new TooManyFailuresException();
            }
        }
    }

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    private static async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception)
        {
            // The log lives in the database that may be what failed.
        }
    }

    private sealed class Run(StoreAccounts stores, ReconciliationSummary summary, int budget)
    {
        private int _left = budget;

        public StoreAccounts Stores { get; } = stores;

        public ReconciliationSummary Summary { get; } = summary;

        public bool HasBudget
        {
            get
            {
                if (_left > 0)
                    return true;

                Summary.BudgetExhausted = true;
                return false;
            }
        }

        public void Spend()
        {
            _left--;
            Summary.Queries++;
        }
    }

    private sealed class TooManyFailuresException : Exception;
}
