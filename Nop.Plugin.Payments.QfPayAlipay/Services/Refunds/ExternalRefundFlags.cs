using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>
/// Reads a paid payment's own query record for refunds nopCommerce did not make: QFPay marks a payment
/// <c>cancel</c> 3 (refunded) or 5 (partially refunded) (API.md §6.4, §7.4), and a payment so marked beyond what our
/// confirmed refunds explain was refunded elsewhere (QFPay's portal or app). Noted once per payment and flag, never
/// applied: only the admin knows what it stands for.
/// </summary>
public class ExternalRefundFlags
{
    private const string Refunded = "3";
    private const string PartiallyRefunded = "5";

    private readonly IWorkClaimStore _claims;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IRefundStore _refunds;
    private readonly TimeProvider _timeProvider;

    public ExternalRefundFlags(IWorkClaimStore claims, ILogger logger, OrderNotes orderNotes, IRefundStore refunds, TimeProvider timeProvider)
    {
        _claims = claims;
        _logger = logger;
        _orderNotes = orderNotes;
        _refunds = refunds;
        _timeProvider = timeProvider;
    }

    /// <summary>True when <paramref name="record"/> shows refunds beyond ours (noted now or before).</summary>
    public virtual async Task<bool> CheckAsync(QfPayPaymentAttempt payment, TransactionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(record);
        var cancel = record.Cancel?.Trim();
        if (cancel is not (Refunded or PartiallyRefunded) || string.IsNullOrWhiteSpace(payment.Syssn))
            return false;

        var ours = (await _refunds.ListByPaymentAsync(payment.Id, cancellationToken))
            .Where(static r => r.Status == RefundStatus.Succeeded)
            .Sum(static r => r.AmountMinor);

        var explained = cancel == Refunded ? ours >= payment.AmountMinor : ours > 0;
        if (explained)
            return false;

        var claim = await _claims.TryInsertAsync(new QfPayWorkClaim
        {
            ClaimKey = WorkClaimKeys.ExternalRefundFlag(payment.Syssn, cancel),
            Kind = WorkClaimKind.NoteExternalRefund,
            SubjectId = payment.Id,
            Sequence = 1,
            ClaimedOnUtc = _timeProvider.GetUtcNow().UtcDateTime,
        }, cancellationToken);

        if (claim == UniqueInsert.Inserted)
        {
            var state = cancel == Refunded ? "fully refunded" : "partially refunded";
            var note = $"QFPay reports payment {payment.Syssn} (out_trade_no {payment.OutTradeNo}) as {state}, but nopCommerce confirmed only " +
                $"{MinorUnits.Display(ours, payment.CurrencyCode)} of refunds of it: a refund was made outside nopCommerce (e.g. in QFPay's merchant portal). " +
                "It was NOT recorded on this order; check QFPay's portal and record it with \"Refund (offline)\" if it is correct.";
            await _orderNotes.AddAsync(payment.OrderId, note);
            await _logger.WarningAsync($"{OrderNotes.Prefix}{note} Order id {payment.OrderId}.");
        }

        return true;
    }
}
