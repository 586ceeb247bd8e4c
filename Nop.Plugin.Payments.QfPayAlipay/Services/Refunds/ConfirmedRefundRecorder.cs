using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>What recording a confirmed refund did.</summary>
public enum RefundRecordOutcome
{
    /// <summary>This call recorded it on the order (refunded amount and payment status, via nopCommerce's offline refund).</summary>
    Recorded,

    /// <summary>Someone recorded it before (nopCommerce after the admin's refund call, a notification, a query).</summary>
    AlreadyRecorded,

    /// <summary>Confirmed, but the order cannot take it (deleted, or refunded by hand meanwhile): noted for the admin.</summary>
    NotRecordable,

    /// <summary>The database failed before anything was recorded: try again later.</summary>
    TransientFailure,
}

/// <summary>
/// Records a refund QFPay confirmed <b>after</b> the admin's refund call returned (a 1143 answer, a lost answer):
/// nopCommerce recorded nothing then (RefundService returned an error for it), so it is recorded now with
/// nopCommerce's own offline refund (docs/nopcommerce.md §6.2), exactly once: the work claim
/// <c>record-refund:&lt;id&gt;</c> (unique) decides who does it, and RefundService takes the same claim before it
/// lets nopCommerce record a refund confirmed in time.
/// </summary>
/// <remarks>
/// A crash between taking the claim and updating the order would leave the order without the refund; the window is
/// one database round trip, and the order note written last says whether it got that far.
/// </remarks>
public class ConfirmedRefundRecorder
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly IWorkClaimStore _claims;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly IRefundStore _refunds;
    private readonly TimeProvider _timeProvider;
    private readonly RefundTimings _timings;

    public ConfirmedRefundRecorder(IPaymentAttemptStore attempts,
        IWorkClaimStore claims,
        ILogger logger,
        OrderNotes orderNotes,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        IRefundStore refunds,
        TimeProvider timeProvider,
        RefundTimings timings)
    {
        _attempts = attempts;
        _claims = claims;
        _logger = logger;
        _orderNotes = orderNotes;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _refunds = refunds;
        _timeProvider = timeProvider;
        _timings = timings;
    }

    /// <summary>Takes the right to record <paramref name="refund"/> on its order; false when someone already has it.</summary>
    public virtual async Task<UniqueInsert> ClaimAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return await ClaimOnceAsync(WorkClaimKeys.RecordRefund(refund.Id), WorkClaimKind.RecordRefund, refund, cancellationToken);
    }

    /// <summary>Marks <paramref name="refund"/> succeeded and, unless recorded before, records it on the order.</summary>
    public virtual async Task<RefundRecordOutcome> ConfirmAsync(QfPayRefund refund, string? refundSyssn, RefundSource source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var claim = await ClaimAsync(refund, cancellationToken);
        if (claim == UniqueInsert.Failed)
            return RefundRecordOutcome.TransientFailure;

        var wasFailed = (await _refunds.FindByOutTradeNoAsync(refund.OutTradeNo, cancellationToken) ?? refund).Status == RefundStatus.Failed;
        await MarkSucceededAsync(refund, refundSyssn, $"Confirmed by QFPay ({source}).", cancellationToken);
        if (claim == UniqueInsert.Duplicate)
        {
            await CheckRecordedAsync(refund, cancellationToken);
            return RefundRecordOutcome.AlreadyRecorded;
        }

        var outcome = await RecordOnOrderAsync(refund, source, wasFailed);
        if (outcome == RefundRecordOutcome.Recorded)
            await MarkRecordedAsync(refund, cancellationToken);
        return outcome;
    }

    /// <summary>Notes that <paramref name="refund"/> is on its order now (after nopCommerce recorded it, or just before it does).</summary>
    public virtual Task MarkRecordedAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return ClaimOnceAsync(WorkClaimKeys.RefundRecorded(refund.Id), WorkClaimKind.RefundRecorded, refund, cancellationToken);
    }

    /// <summary>
    /// A confirmed refund someone took the right to record: if it was not recorded and its recorder has had far more
    /// time than a refund request takes, that web node stopped half-way (between taking the right and the record).
    /// Recording it again could count it twice, so the admin is told once, on the order, to check it.
    /// </summary>
    public virtual async Task CheckRecordedAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (await _claims.FindAsync(WorkClaimKeys.RefundRecorded(refund.Id), cancellationToken) is not null)
            return;

        var taken = await _claims.FindAsync(WorkClaimKeys.RecordRefund(refund.Id), cancellationToken);
        if (taken is null || UtcNow() - DateTime.SpecifyKind(taken.ClaimedOnUtc, DateTimeKind.Utc) < _timings.InFlight)
            return;

        var tell = await ClaimOnceAsync(WorkClaimKeys.RefundToCheck(refund.Id), WorkClaimKind.NoteRefundToCheck, refund, cancellationToken);
        if (tell != UniqueInsert.Inserted)
            return;

        var note = $"QFPay confirmed refund {MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode)} (out_trade_no {refund.OutTradeNo}, {refund.AmountPrimary} " +
            "in the store's currency), but the web node recording it on this order stopped half-way. CHECK the order's refunded amount: if this refund is " +
            "missing, record it with \"Partial refund (offline)\" (or \"Refund (offline)\"). It is not recorded automatically, so it can never be counted twice.";
        await _orderNotes.AddAsync(refund.OrderId, note);
        await _logger.WarningAsync($"{OrderNotes.Prefix}{note} Order id {refund.OrderId}.");
    }

    /// <summary>Marks the row succeeded (a guarded move: a row confirmed before stays as it is).</summary>
    public virtual async Task MarkSucceededAsync(QfPayRefund refund, string? refundSyssn, string message, CancellationToken cancellationToken = default)
    {
        var change = new RefundChange(RefundStatus.Succeeded, message, UtcNow())
        {
            RefundSyssn = string.IsNullOrWhiteSpace(refundSyssn) ? null : refundSyssn.Trim(),
            LastResponseCode = QfPayResponseCodes.SuccessCode,
        };
        if (await _refunds.TryChangeAsync(refund.Id, change, cancellationToken))
            change.ApplyTo(refund);
        else
            refund.Status = RefundStatus.Succeeded;
    }

    private async Task<RefundRecordOutcome> RecordOnOrderAsync(QfPayRefund refund, RefundSource source, bool wasFailed)
    {
        var amount = MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode);
        var subject = $"refund {amount} (out_trade_no {refund.OutTradeNo}, refund syssn {refund.RefundSyssn ?? "unknown"}, payment syssn {refund.PaymentSyssn})";
        var order = await _orderService.GetOrderByIdAsync(refund.OrderId);
        if (order is null || order.Deleted)
        {
            await _logger.WarningAsync($"{OrderNotes.Prefix}QFPay confirmed {subject} for order id {refund.OrderId}, which no longer exists; nothing recorded.");
            return RefundRecordOutcome.NotRecordable;
        }

        var earlier = wasFailed ? " It had been reported failed before; QFPay now confirms it." : string.Empty;

        // A duplicate payment (or one the order could not take) is returned to the shopper, not refunded from the order.
        var payment = (await _attempts.ListByOrderAsync(refund.OrderId)).FirstOrDefault(a => a.Id == refund.PaymentAttemptId);
        if (payment is not null && payment.Status.IsMoneyToReturn())
        {
            var returned = $"QFPay confirmed {subject} ({source}) of payment {payment.OutTradeNo}, which the order did not keep ({payment.Status}); " +
                $"it is not counted as a refund of the order.{earlier}";
            await _orderNotes.AddAsync(order.Id, returned);
            return RefundRecordOutcome.Recorded;
        }

        if (!refund.IsPartial && _orderProcessingService.CanRefundOffline(order))
        {
            await _orderProcessingService.RefundOfflineAsync(order);
        }
        else if (_orderProcessingService.CanPartiallyRefundOffline(order, refund.AmountPrimary))
        {
            await _orderProcessingService.PartiallyRefundOfflineAsync(order, refund.AmountPrimary);
        }
        else
        {
            var detail = $"QFPay confirmed {subject} ({source}), but the order ({order.PaymentStatus}, refunded so far {order.RefundedAmount}) cannot take a " +
                $"refund of {refund.AmountPrimary} any more. Check the order and record the refund by hand if it is missing.{earlier}";
            await _orderNotes.AddAsync(order.Id, detail);
            await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}");
            return RefundRecordOutcome.NotRecordable;
        }

        var recorded = $"QFPay confirmed {subject} ({source}); recorded on the order.{earlier}";
        await _orderNotes.AddAsync(order.Id, recorded);
        await _logger.InformationAsync($"{OrderNotes.Prefix}{recorded} Order id {order.Id}.");
        return RefundRecordOutcome.Recorded;
    }

    /// <summary>One row per refund and kind: the unique key makes whatever it stands for happen once.</summary>
    private Task<UniqueInsert> ClaimOnceAsync(string key, WorkClaimKind kind, QfPayRefund refund, CancellationToken cancellationToken) =>
        _claims.ClaimOnceAsync(key, kind, refund.Id, UtcNow(), cancellationToken);

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;
}
