using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>What the expiry rules did after a fresh query.</summary>
public enum ExpiryOutcome
{
    /// <summary>Nothing: paid, not overdue, or still open at QFPay and not overdue.</summary>
    None,

    /// <summary>The attempt was marked expired (overdue and still unpaid at QFPay); the order stays as it was.</summary>
    AttemptExpired,

    /// <summary>The attempt is dead and the order was cancelled (setting AutoCancelExpiredOrders).</summary>
    OrderCancelled,

    /// <summary>The attempt is dead but the order was not cancelled (setting off, another attempt open, order not pending...).</summary>
    OrderKept,
}

/// <summary>
/// The expiry rule, applied to the answer of a <b>fresh</b> query, never to age alone: an attempt QFPay reports
/// expired, or still unpaid after its own expired_time (as sent with it, not today's setting) plus a margin, is
/// expired; then, if the store says so, its order is cancelled. A payment the query found was settled before this
/// runs, so it always wins.
/// </summary>
public class AttemptExpiry
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly ExpiredOrderCanceller _canceller;
    private readonly QfPayClient _client;
    private readonly OrderNotes _orderNotes;
    private readonly ReconciliationPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public AttemptExpiry(IPaymentAttemptStore attempts,
        ExpiredOrderCanceller canceller,
        QfPayClient client,
        OrderNotes orderNotes,
        ReconciliationPolicy policy,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _canceller = canceller;
        _client = client;
        _orderNotes = orderNotes;
        _policy = policy;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// True when applying the rule to <paramref name="check"/> costs one more query: the check said "pending" (which
    /// may mean QFPay was not reached) for an attempt past its expiry, so QFPay's answer must be confirmed first.
    /// </summary>
    public virtual bool NeedsConfirmingQuery(QfPayPaymentAttempt attempt, PaymentCheck check, QfPayAlipaySettings settings) =>
        check.State == PaymentCheckState.Pending && check.Settlement is null && IsOverdue(attempt);

    private bool IsOverdue(QfPayPaymentAttempt attempt) => _timeProvider.GetUtcNow().UtcDateTime >= _policy.ExpiredOnUtc(attempt);

    public virtual async Task<ExpiryOutcome> ApplyAsync(QfPayPaymentAttempt attempt, PaymentCheck check, QfPayAlipaySettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(settings);

        var age = _timeProvider.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc);
        var overdue = IsOverdue(attempt);
        var outcome = ExpiryOutcome.None;
        string reason;

        switch (check.State)
        {
            case PaymentCheckState.Expired:
                reason = $"QFPay reports its payment link {attempt.OutTradeNo} expired unpaid";
                break;

            case PaymentCheckState.Pending when NeedsConfirmingQuery(attempt, check, settings):
                var account = MerchantAccount.From(settings);
                if (!account.IsValid)
                    return ExpiryOutcome.None;

                var (unpaid, detail) = await ConfirmUnpaidAsync(account.Value, attempt, cancellationToken);
                if (!unpaid || !await MarkExpiredAsync(attempt, age, detail, cancellationToken))
                    return ExpiryOutcome.None;
                outcome = ExpiryOutcome.AttemptExpired;
                reason = $"its payment link {attempt.OutTradeNo} was still unpaid {age.TotalMinutes:0} minutes after it was created";
                break;

            case PaymentCheckState.NotPaid when overdue:
                reason = $"its payment {attempt.OutTradeNo} was closed unpaid ({check.Detail})";
                break;

            default:
                return ExpiryOutcome.None;
        }

        return await _canceller.TryCancelAsync(attempt, settings, reason, cancellationToken) ? ExpiryOutcome.OrderCancelled
            : outcome == ExpiryOutcome.AttemptExpired ? outcome
            : ExpiryOutcome.OrderKept;
    }

    /// <summary>Guarded: a settlement since the query keeps the attempt paid; the one request that expires it writes the note.</summary>
    private async Task<bool> MarkExpiredAsync(QfPayPaymentAttempt attempt, TimeSpan age, string answer, CancellationToken cancellationToken)
    {
        var change = new AttemptChange(PaymentAttemptStatus.Expired, Shorten($"Not paid {age.TotalMinutes:0} minutes after it was created, past its " +
            $"expired_time plus margin; a query just before confirmed it unpaid: {answer}."), _timeProvider.GetUtcNow().UtcDateTime);
        if (!await _attempts.TryChangeAsync(attempt.Id, change, cancellationToken))
            return false;

        change.ApplyTo(attempt);
        await _orderNotes.AddAsync(attempt.OrderId, $"payment attempt {attempt.AttemptNumber} (out_trade_no {attempt.OutTradeNo}) expired unpaid ({answer}).");
        return true;
    }

    /// <summary>
    /// True when QFPay <b>answered</b> and shows no successful payment for <paramref name="attempt"/>. The settlement
    /// check reports "pending" both when QFPay says 1143 and when QFPay could not be asked (timeout, 429, network);
    /// expiring on the second would be expiring on age alone, which the expiry rule forbids.
    /// </summary>
    private async Task<(bool Unpaid, string Detail)> ConfirmUnpaidAsync(QfPayAccount account, QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(attempt);
        var request = string.IsNullOrWhiteSpace(attempt.Syssn)
            ? QueryRequest.ByOutTradeNo(attempt.OutTradeNo, new DateTimeOffset(DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc)))
            : QueryRequest.BySyssn(attempt.Syssn);

        var result = await _client.QueryAsync(account, request, cancellationToken);
        if (!result.IsSuccess)
            return (false, $"QFPay could not be asked ({result.Outcome}/{result.Problem})");

        var records = result.Response.Records
            .Where(static r => r.IsPayment || string.IsNullOrEmpty(r.OrderType))
            .Where(r => string.Equals(r.OutTradeNo, attempt.OutTradeNo, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(attempt.Syssn) && string.Equals(r.Syssn, attempt.Syssn, StringComparison.Ordinal)))
            .ToList();

        if (records.Any(static r => r.Status == TransactionStatus.Succeeded))
            return (false, "QFPay now reports it paid");

        return records.Count == 0
            ? (true, "QFPay has no payment under this number")
            : (true, $"QFPay still reports code {records[0].ResponseCode ?? "none"}");
    }

    private static string Shorten(string text) => text.Length <= 512 ? text : text[..512];
}

/// <summary>
/// Cancels an order whose Alipay payment expired unpaid (setting AutoCancelExpiredOrders, off by default: nopCommerce
/// itself never cancels unpaid orders). Only called after a fresh query reported the attempt unpaid, and only when every
/// attempt of the order is dead.
/// </summary>
/// <remarks>
/// The cancel takes the order's settlement claim first, the same row a payment takes before marking the order paid: a
/// payment settling at that moment on another node either holds it already (and nothing is cancelled) or finds it
/// taken and flags its money to refund. The order is read only after the claim is held, so it is never a copy read
/// before a concurrent mark-paid.
/// </remarks>
public class ExpiredOrderCanceller
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly ISettlementClaimStore _claims;
    private readonly ClaimHolder _holder;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly ReconciliationPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public ExpiredOrderCanceller(IPaymentAttemptStore attempts,
        ISettlementClaimStore claims,
        ClaimHolder holder,
        ILogger logger,
        OrderNotes orderNotes,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ReconciliationPolicy policy,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _claims = claims;
        _holder = holder;
        _logger = logger;
        _orderNotes = orderNotes;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _policy = policy;
        _timeProvider = timeProvider;
    }

    /// <summary>True when this call cancelled the order of <paramref name="attempt"/>.</summary>
    public virtual async Task<bool> TryCancelAsync(QfPayPaymentAttempt attempt, QfPayAlipaySettings settings, string reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.AutoCancelExpiredOrders)
            return false;

        var attempts = await _attempts.ListByOrderAsync(attempt.OrderId, cancellationToken);
        if (attempts.Count == 0 || !attempts.All(IsDead))
            return false;

        var claim = new QfPaySettlementClaim
        {
            ClaimKey = SettlementClaimKeys.Order(attempt.OrderId),
            OrderId = attempt.OrderId,
            Syssn = string.Empty,
            ClaimedOnUtc = UtcNow(),
            HolderToken = _holder.Token,
            Outcome = SettlementClaimOutcome.InProgress,
        };
        if (await _claims.TryInsertAsync(claim, cancellationToken) != UniqueInsert.Inserted)
            return false;

        var cancelled = false;
        try
        {
            // Read now, under the claim: no payment can be marked on it meanwhile, and none was before (it would hold the claim).
            var order = await _orderService.GetOrderByIdAsync(attempt.OrderId);
            if (order is not null && IsCancellable(order) && _orderProcessingService.CanCancelOrder(order)
                && (await _attempts.ListByOrderAsync(order.Id, cancellationToken)).All(IsDead))
            {
                await _orderProcessingService.CancelOrderAsync(order, false);
                cancelled = true;
                var note = $"order cancelled automatically: {reason} (setting \"cancel expired orders\"). " +
                    "A payment arriving after this is flagged on the order to be refunded.";
                await _orderNotes.AddAsync(order.Id, note);
                await _logger.InformationAsync($"{OrderNotes.Prefix}{note} Order id {order.Id}.");
            }
        }
        finally
        {
            if (cancelled)
                await _claims.TryCompleteAsync(claim.Id, claim.HolderToken, new ClaimCompletion(SettlementClaimOutcome.OrderNotPayable, 0, string.Empty, UtcNow()), CancellationToken.None);
            else
                await _claims.TryReleaseAsync(claim.Id, claim.HolderToken, CancellationToken.None);
        }

        return cancelled;
    }

    private static bool IsCancellable(Order order) =>
        !order.Deleted && order.PaymentStatus == PaymentStatus.Pending && order.OrderStatus != OrderStatus.Cancelled
        && string.Equals(order.PaymentMethodSystemName, QfPayAlipayDefaults.SystemName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Dead: QFPay said expired, or the attempt is closed unpaid and past its own expired_time plus the margin (a
    /// shopper who just cancelled at the cashier may still retry). Attempts that hold money are never dead.
    /// </summary>
    private bool IsDead(QfPayPaymentAttempt attempt) => attempt.Status switch
    {
        PaymentAttemptStatus.Expired => true,
        PaymentAttemptStatus.Failed => UtcNow() >= _policy.ExpiredOnUtc(attempt),
        _ => false,
    };

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;
}
