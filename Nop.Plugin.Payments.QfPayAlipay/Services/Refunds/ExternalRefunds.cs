using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>What looking at one refund record did.</summary>
public enum ExternalRefundNote
{
    /// <summary>A refund nopCommerce did not make, noted on its order now.</summary>
    Noted,

    /// <summary>Noted before (a duplicate notification, a second check).</summary>
    NotedBefore,

    /// <summary>One of our own refunds, or not a refund record: nothing to note.</summary>
    NotExternal,

    /// <summary>It refunds a payment this shop does not know.</summary>
    UnknownPayment,
}

/// <summary>
/// Refunds QFPay made that nopCommerce did not ask for (e.g. from QFPay's merchant portal or app). They are
/// <b>noted</b> on the order, once each, and never recorded: only the admin knows whether one replaces a refund still to
/// be made in nopCommerce or was a mistake. Two signs of them:
/// <list type="bullet">
/// <item><see cref="NoteAsync(TransactionRecord, CancellationToken)"/>: a query record of order_type refund whose
/// origssn is one of our paid payments and whose out_trade_no is not one of our refunds (docs/qfpay-protocol.md §6.7,
/// §7.3); noted once per refund syssn.</item>
/// <item><see cref="CheckRefundFlagsAsync"/>: a paid payment's own record marked <c>cancel</c> 3 (refunded) or 5
/// (partially refunded) (docs/qfpay-protocol.md §6.4, §7.4) beyond what our confirmed refunds explain; noted once per
/// payment and flag.</item>
/// </list>
/// </summary>
public class ExternalRefunds
{
    private const string Refunded = "3";
    private const string PartiallyRefunded = "5";

    private readonly IPaymentAttemptStore _attempts;
    private readonly IWorkClaimStore _claims;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IRefundStore _refunds;
    private readonly TimeProvider _timeProvider;

    public ExternalRefunds(IPaymentAttemptStore attempts,
        IWorkClaimStore claims,
        ILogger logger,
        OrderNotes orderNotes,
        IRefundStore refunds,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _claims = claims;
        _logger = logger;
        _orderNotes = orderNotes;
        _refunds = refunds;
        _timeProvider = timeProvider;
    }

    /// <summary>Notes every external refund among <paramref name="records"/>; returns how many were noted now.</summary>
    public virtual async Task<int> NoteAsync(IEnumerable<TransactionRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var noted = 0;
        foreach (var record in records.Where(static r => r.IsRefund && !string.IsNullOrWhiteSpace(r.Syssn) && !string.IsNullOrWhiteSpace(r.OriginalSyssn)))
        {
            if (await NoteAsync(record, cancellationToken) == ExternalRefundNote.Noted)
                noted++;
        }

        return noted;
    }

    public virtual async Task<ExternalRefundNote> NoteAsync(TransactionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsRefund || string.IsNullOrWhiteSpace(record.Syssn) || string.IsNullOrWhiteSpace(record.OriginalSyssn))
            return ExternalRefundNote.NotExternal;

        if (await IsOursAsync(record, cancellationToken))
            return ExternalRefundNote.NotExternal;

        var payment = await _attempts.FindBySyssnAsync(record.OriginalSyssn, cancellationToken);
        if (payment is null)
            return ExternalRefundNote.UnknownPayment;

        var claim = await _claims.ClaimOnceAsync(WorkClaimKeys.ExternalRefund(record.Syssn), WorkClaimKind.NoteExternalRefund,
            payment.Id, _timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        if (claim == UniqueInsert.Duplicate)
            return ExternalRefundNote.NotedBefore;
        if (claim == UniqueInsert.Failed)
            throw new InvalidOperationException($"The note about refund syssn {record.Syssn} could not be recorded; the caller retries.");

        var amount = record.AmountInMinorUnits is { } minor ? MinorUnits.Display(minor, record.Currency ?? payment.CurrencyCode) : "an unknown amount";
        var state = record.Status == TransactionStatus.Succeeded ? "made" : $"recorded with code {record.ResponseCode ?? "none"}";
        var note = $"QFPay reports a refund of {amount} {state} outside nopCommerce (e.g. in QFPay's merchant portal): refund syssn {record.Syssn}, " +
            $"out_trade_no {record.OutTradeNo ?? "none"}, of payment syssn {record.OriginalSyssn} (out_trade_no {payment.OutTradeNo}). It was NOT recorded on " +
            "this order; if it is correct, record it with \"Refund (offline)\" or \"Partial refund (offline)\".";
        await _orderNotes.AddAsync(payment.OrderId, note);
        await _logger.WarningAsync($"{OrderNotes.Prefix}{note} Order id {payment.OrderId}.");
        return ExternalRefundNote.Noted;
    }

    private async Task<bool> IsOursAsync(TransactionRecord record, CancellationToken cancellationToken) =>
        (!string.IsNullOrWhiteSpace(record.OutTradeNo) && await _refunds.FindByOutTradeNoAsync(record.OutTradeNo, cancellationToken) is not null)
        || await _refunds.FindByRefundSyssnAsync(record.Syssn!, cancellationToken) is not null;

    /// <summary>True when <paramref name="record"/> shows refunds beyond ours (noted now or before).</summary>
    public virtual async Task<bool> CheckRefundFlagsAsync(QfPayPaymentAttempt payment, TransactionRecord record, CancellationToken cancellationToken = default)
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

        var claim = await _claims.ClaimOnceAsync(WorkClaimKeys.ExternalRefundFlag(payment.Syssn, cancel), WorkClaimKind.NoteExternalRefund,
            payment.Id, _timeProvider.GetUtcNow().UtcDateTime, cancellationToken);

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
