using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

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
    private readonly UnpaidConfirmation _confirmation;
    private readonly OrderNotes _orderNotes;
    private readonly ReconciliationPolicy _policy;
    private readonly TimeProvider _timeProvider;

    public AttemptExpiry(IPaymentAttemptStore attempts,
        ExpiredOrderCanceller canceller,
        UnpaidConfirmation confirmation,
        OrderNotes orderNotes,
        ReconciliationPolicy policy,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _canceller = canceller;
        _confirmation = confirmation;
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

                var (unpaid, detail) = await _confirmation.ConfirmAsync(account.Value, attempt, cancellationToken);
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

    private static string Shorten(string text) => text.Length <= 512 ? text : text[..512];
}
