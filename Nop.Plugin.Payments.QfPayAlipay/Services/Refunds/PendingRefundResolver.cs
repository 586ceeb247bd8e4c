using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>What resolving a pending refund did.</summary>
public enum RefundResolutionKind
{
    /// <summary>Confirmed and recorded on the order now.</summary>
    Recorded,

    /// <summary>Confirmed; it was recorded on the order before (or cannot be, see the order note).</summary>
    AlreadyRecorded,

    /// <summary>QFPay reports it failed, or has no record of it after the grace period: marked failed, nothing was refunded.</summary>
    Failed,

    /// <summary>Still processing, not found yet, or QFPay could not be asked: stays pending.</summary>
    StillPending,
}

public sealed record RefundResolution(RefundResolutionKind Kind, QfPayRefund Refund, string Detail);

/// <summary>
/// Settles one pending refund from a fresh query, never by sending it again (API.md §8.2, §11.11): confirmed refunds
/// are recorded on the order once, failed ones are closed with a note. Used by the reconciliation task, the admin's
/// "check status now", and RefundService before a new refund of the same payment.
/// </summary>
public class PendingRefundResolver
{
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly RefundStatusQuery _query;
    private readonly ConfirmedRefundRecorder _recorder;
    private readonly IRefundStore _refunds;
    private readonly TimeProvider _timeProvider;
    private readonly RefundTimings _timings;

    public PendingRefundResolver(ILogger logger,
        OrderNotes orderNotes,
        RefundStatusQuery query,
        ConfirmedRefundRecorder recorder,
        IRefundStore refunds,
        TimeProvider timeProvider,
        RefundTimings timings)
    {
        _logger = logger;
        _orderNotes = orderNotes;
        _query = query;
        _recorder = recorder;
        _refunds = refunds;
        _timeProvider = timeProvider;
        _timings = timings;
    }

    public virtual async Task<RefundResolution> ResolveAsync(QfPayRefund refund, RefundSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return await ApplyAsync(refund, await _query.QueryAsync(refund, cancellationToken), source, cancellationToken);
    }

    /// <summary>Same, with an account already at hand (the reconciliation task pre-checks it).</summary>
    public virtual async Task<RefundResolution> ResolveAsync(QfPayAccount account, QfPayRefund refund, RefundSource source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return await ApplyAsync(refund, await _query.QueryAsync(account, refund, cancellationToken), source, cancellationToken);
    }

    /// <summary>Applies what a query found about <paramref name="refund"/>.</summary>
    public virtual async Task<RefundResolution> ApplyAsync(QfPayRefund refund, RefundFinding finding, RefundSource source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(finding);

        var fresh = await _refunds.FindByOutTradeNoAsync(refund.OutTradeNo, cancellationToken) ?? refund;
        if (fresh.Status == RefundStatus.Succeeded)
        {
            await _recorder.CheckRecordedAsync(fresh, cancellationToken);
            return new RefundResolution(RefundResolutionKind.AlreadyRecorded, fresh, $"refund {fresh.OutTradeNo} was confirmed before");
        }

        switch (finding.Kind)
        {
            case RefundFindingKind.Succeeded when finding.AmountMinor is { } amount && amount != fresh.AmountMinor:
            {
                var detail = $"QFPay reports refund {fresh.OutTradeNo} made for {MinorUnits.Display(amount, finding.Currency ?? fresh.CurrencyCode)} " +
                    $"instead of the {MinorUnits.Display(fresh.AmountMinor, fresh.CurrencyCode)} asked; it is left pending and not recorded. Check it in QFPay's merchant portal";
                await _logger.ErrorAsync($"{OrderNotes.Prefix}{detail} (order id {fresh.OrderId}).");
                return new RefundResolution(RefundResolutionKind.StillPending, fresh, detail);
            }

            case RefundFindingKind.Succeeded:
            {
                var outcome = await _recorder.ConfirmAsync(fresh, finding.RefundSyssn, source, cancellationToken);
                return outcome switch
                {
                    RefundRecordOutcome.Recorded => new RefundResolution(RefundResolutionKind.Recorded, fresh, finding.Detail),
                    RefundRecordOutcome.TransientFailure => new RefundResolution(RefundResolutionKind.StillPending, fresh, $"{finding.Detail}; it could not be recorded yet"),
                    _ => new RefundResolution(RefundResolutionKind.AlreadyRecorded, fresh, finding.Detail),
                };
            }

            case RefundFindingKind.Failed:
                await MarkFailedAsync(fresh, finding.ResponseCode,
                    $"QFPay reports the refund failed (code {finding.ResponseCode ?? "none"}): nothing was refunded.", source, cancellationToken);
                return new RefundResolution(RefundResolutionKind.Failed, fresh, finding.Detail);

            case RefundFindingKind.NotFound when UtcNow() - Utc(fresh.CreatedOnUtc) >= _timings.NotFoundGrace:
                await MarkFailedAsync(fresh, null,
                    $"QFPay has no record of this refund {_timings.NotFoundGrace.TotalMinutes:0} minutes after it was sent: it was never made, nothing was refunded. " +
                    "Refund again if it is still due.", source, cancellationToken);
                return new RefundResolution(RefundResolutionKind.Failed, fresh, finding.Detail);

            default:
                return new RefundResolution(RefundResolutionKind.StillPending, fresh, finding.Detail);
        }
    }

    private async Task MarkFailedAsync(QfPayRefund refund, string? code, string message, RefundSource source, CancellationToken cancellationToken)
    {
        // Guarded: a notification may have confirmed it meanwhile, and a confirmation always wins.
        var change = new RefundChange(RefundStatus.Failed, message, UtcNow()) { LastResponseCode = code };
        if (!await _refunds.TryChangeAsync(refund.Id, change, cancellationToken))
            return;

        change.ApplyTo(refund);
        var note = $"refund {MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode)} (out_trade_no {refund.OutTradeNo}) checked by {source}: {message}";
        await _orderNotes.AddAsync(refund.OrderId, note);
        await _logger.WarningAsync($"{OrderNotes.Prefix}{note} Order id {refund.OrderId}.");
    }

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
