using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.RateLimiting;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>What one reconciliation run did; its text goes to the health log ("ReconciliationRun").</summary>
public sealed class ReconciliationSummary
{
    public int Queries { get; set; }

    /// <summary>Attempts QFPay reported paid and the settlement routine settled (or found settled).</summary>
    public int Paid { get; set; }

    /// <summary>Settlements left half-way by a node that died, completed now.</summary>
    public int InterruptedCompleted { get; set; }

    /// <summary>Payments QFPay took that the order does not keep (duplicate, mismatch, closed order): flagged to refund.</summary>
    public int MoneyNotApplied { get; set; }

    public int StillPending { get; set; }

    public int Expired { get; set; }

    public int NotPaid { get; set; }

    public int OrdersCancelled { get; set; }

    public int RefundsRecorded { get; set; }

    public int RefundsFailed { get; set; }

    public int RefundsPending { get; set; }

    /// <summary>Attempts and refunds of stores whose QFPay settings are incomplete (never queried).</summary>
    public int SkippedUnconfigured { get; set; }

    public int Failures { get; set; }

    /// <summary>The run used its whole query budget: more work waits for the next run.</summary>
    public bool BudgetExhausted { get; set; }

    /// <summary>The run hit its time limit.</summary>
    public bool TimedOut { get; set; }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Queries} queries: {Paid} paid ({InterruptedCompleted} interrupted settlements completed), {MoneyNotApplied} paid but not applied " +
            $"(flagged to refund), {StillPending} still pending, " +
            $"{Expired} expired, {NotPaid} not paid, {OrdersCancelled} orders cancelled; refunds: {RefundsRecorded} recorded, {RefundsFailed} failed, " +
            $"{RefundsPending} pending");

        if (SkippedUnconfigured > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {SkippedUnconfigured} skipped (store not configured)");
        if (Failures > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {Failures} errors (see the log)");
        if (BudgetExhausted)
            text += "; query budget used up, the rest waits for the next run";
        if (TimedOut)
            text += "; time limit reached, the rest waits for the next run";

        return text + ".";
    }
}

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
/// in ILocker as well, which in a farm only reduces overlap (docs/nopcommerce.md Appendix C). Before each query the run
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

    /// <summary>Counts one query against the budget and waits until the merchant may send it (docs/qfpay-protocol.md §1.5).</summary>
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

/// <summary>
/// Decides which web node may query an attempt (or refund) now, so that runs on several nodes at once query each at
/// most once per interval.
/// </summary>
/// <remarks>
/// The latest claim of a subject is its "last queried on". A node that finds it older than the interval INSERTs the
/// next one, <c>query-attempt:&lt;id&gt;#&lt;latest + 1&gt;</c>; the unique index lets exactly one node succeed,
/// because every node that read the same latest claim tries the same key, and a node that read an older one tries a
/// key that already exists. It is the conditional update "set LastQueriedOnUtc = now where LastQueriedOnUtc = what
/// I read" done as an insert, which nopCommerce's repository can express on every database; and nothing has to be
/// written back afterwards, so a node dying after its claim only delays that subject by one interval.
/// </remarks>
public class QueryClaims
{
    private readonly IWorkClaimStore _claims;
    private readonly TimeProvider _timeProvider;

    public QueryClaims(IWorkClaimStore claims, TimeProvider timeProvider)
    {
        _claims = claims;
        _timeProvider = timeProvider;
    }

    /// <summary>True when this caller may query <paramref name="subjectId"/> now (and has recorded that it does).</summary>
    public virtual async Task<bool> TryClaimAsync(WorkClaimKind kind, int subjectId, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var latest = await _claims.LatestAsync(kind, subjectId, cancellationToken);
        if (latest is not null && now - DateTime.SpecifyKind(latest.ClaimedOnUtc, DateTimeKind.Utc) < interval)
            return false;

        var sequence = (latest?.Sequence ?? 0) + 1;
        var claim = new QfPayWorkClaim
        {
            ClaimKey = WorkClaimKeys.Query(kind, subjectId, sequence),
            Kind = kind,
            SubjectId = subjectId,
            Sequence = sequence,
            ClaimedOnUtc = now,
        };
        return await _claims.TryInsertAsync(claim, cancellationToken) == UniqueInsert.Inserted;
    }

    /// <summary>When <paramref name="subjectId"/> was last claimed for a query, or null.</summary>
    public virtual async Task<DateTime?> LastClaimedAsync(WorkClaimKind kind, int subjectId, CancellationToken cancellationToken = default) =>
        (await _claims.LatestAsync(kind, subjectId, cancellationToken))?.ClaimedOnUtc;
}

/// <summary>
/// Each store's settings and QFPay account, loaded once per run: a scheduled task has no "current store"
/// (docs/nopcommerce.md §7.8), so every attempt is handled with the settings of the store that created it.
/// </summary>
public class StoreAccounts
{
    private readonly Dictionary<int, StoreAccount> _loaded = [];
    private readonly ISettingService _settingService;

    public StoreAccounts(ISettingService settingService)
    {
        _settingService = settingService;
    }

    public virtual async Task<StoreAccount> ForStoreAsync(int storeId)
    {
        if (_loaded.TryGetValue(storeId, out var known))
            return known;

        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeId);
        var account = new StoreAccount(storeId, settings, MerchantAccount.From(settings));
        _loaded[storeId] = account;
        return account;
    }
}

/// <param name="Account">The account, or why the store's settings cannot make one (never quoting the key).</param>
public sealed record StoreAccount(int StoreId, QfPayAlipaySettings Settings, FieldResult<QfPayAccount> Account);
