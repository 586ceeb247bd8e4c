using System.Data.Common;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// Keeps a verified refund notification where an admin sees it, once: an order note on the refunded order when the
/// notification names the original payment (orig_syssn, when QFPay includes it, API.md §6.7), otherwise a warning in
/// the log with its numbers. Both are rows in nopCommerce's database, written before QFPay gets SUCCESS. Updating the
/// order's refunded amount is left to the refund feature (issue #6), which knows the refunds the plugin made itself.
/// </summary>
public class RefundNotificationRecorder
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly ISettlementClaimStore _claims;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly TimeProvider _timeProvider;

    public RefundNotificationRecorder(IPaymentAttemptStore attempts,
        ISettlementClaimStore claims,
        ILogger logger,
        OrderNotes orderNotes,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _claims = claims;
        _logger = logger;
        _orderNotes = orderNotes;
        _timeProvider = timeProvider;
    }

    /// <summary>False when the record could not be written (try again later); true when it is written, now or before.</summary>
    public virtual async Task<bool> RecordAsync(RefundNotification refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        try
        {
            var key = SettlementClaimKeys.Refund(refund.Syssn);
            if (await _claims.FindAsync(key, cancellationToken) is not null)
                return true;

            var payment = string.IsNullOrWhiteSpace(refund.OriginalSyssn) ? null : await _attempts.FindBySyssnAsync(refund.OriginalSyssn, cancellationToken);
            var detail = $"QFPay reports a refund of {SettlementLog.Amount(refund.AmountInMinorUnits, refund.Currency)}: refund syssn {refund.Syssn}, " +
                $"refund out_trade_no {refund.OutTradeNo}, original payment {refund.OriginalSyssn ?? "not named"}";

            // The record first, the marker second: a failure in between repeats the record on QFPay's retry rather
            // than losing it (only two deliveries racing each other could both write it).
            if (payment is null)
            {
                await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}; no order of this shop matches it. If it belongs to this shop, record the refund on the order by hand.");
            }
            else
            {
                await _orderNotes.AddAsync(payment.OrderId, $"{detail} (out_trade_no {payment.OutTradeNo}). If it was made outside nopCommerce, record it on the order (refund offline).");
                await _logger.InformationAsync($"{OrderNotes.Prefix}{detail}; noted on order id {payment.OrderId}.");
            }

            var now = _timeProvider.GetUtcNow().UtcDateTime;
            await _claims.TryInsertAsync(new QfPaySettlementClaim
            {
                ClaimKey = key,
                OrderId = payment?.OrderId ?? 0,
                AttemptId = payment?.Id ?? 0,
                Syssn = refund.Syssn,
                ClaimedOnUtc = now,
                CompletedOnUtc = now,
                Outcome = SettlementClaimOutcome.RefundNoted,
            }, cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
