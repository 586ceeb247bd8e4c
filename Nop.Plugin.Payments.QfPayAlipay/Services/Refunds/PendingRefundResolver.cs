using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>How long a refund is given before its silence means something.</summary>
/// <param name="InFlight">
/// A pending refund younger than this may still be inside the admin's request (the call plus one query take at most
/// 30 s + 15 s, docs/qfpay-protocol.md §2.4): a notification about it is answered "retry" so that the request, not the notification,
/// records it on the order, and nopCommerce never counts it twice. QFPay retries after 2 minutes (§6.6).
/// </param>
/// <param name="NotFoundGrace">
/// A refund QFPay still does not know this long after it was sent was never made (its request was lost or refused
/// before QFPay recorded it): it is marked failed, and the admin may refund again with a new number (§5.2, 2011 row:
/// "use a new out_trade_no only after the query proves the old one is dead").
/// </param>
public sealed record RefundTimings(TimeSpan InFlight, TimeSpan NotFoundGrace)
{
    public static RefundTimings Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15));
}

/// <summary>Who learned what became of a refund; named in order notes.</summary>
public enum RefundSource
{
    /// <summary>QFPay's answer to the refund call (or the query right after it).</summary>
    RefundCall,

    /// <summary>QFPay's signed refund notification (docs/qfpay-protocol.md §6.7).</summary>
    Notification,

    /// <summary>The reconciliation task's query.</summary>
    Reconciliation,

    /// <summary>An admin's "check status now".</summary>
    AdminCheck,

    /// <summary>The query made before a new refund of the same payment.</summary>
    BeforeNextRefund,
}

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
/// Settles one pending refund from a fresh query, never by sending it again (docs/qfpay-protocol.md §8.2, §11.11): confirmed refunds
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

/// <summary>What a query told about one refund (docs/qfpay-protocol.md §7.4, refund rows).</summary>
public enum RefundFindingKind
{
    /// <summary>Record respcd 0000: the refund was made.</summary>
    Succeeded,

    /// <summary>Record 1143/1145: QFPay is still processing it.</summary>
    Processing,

    /// <summary>Record with any other code: the refund failed, no money moved.</summary>
    Failed,

    /// <summary>The query worked and QFPay has no such refund in the months searched.</summary>
    NotFound,

    /// <summary>The query itself failed (timeout, network, 429, configuration): nothing was learned.</summary>
    QueryFailed,
}

/// <param name="RefundSyssn">QFPay's number of the refund, when the record gave one.</param>
/// <param name="AmountMinor">The record's txamt, when given.</param>
/// <param name="Detail">One line for logs and notes; never a secret.</param>
public sealed record RefundFinding(RefundFindingKind Kind, string? RefundSyssn, string? ResponseCode, long? AmountMinor, string? Currency, string Detail);

/// <summary>
/// Asks QFPay what became of one refund: by its syssn when known, otherwise by its out_trade_no with the month
/// window of its creation (docs/qfpay-protocol.md §7.2, §8.2 "query the refund instead of re-sending"). Reads only; applying the
/// answer is <see cref="PendingRefundResolver"/>'s job.
/// </summary>
public class RefundStatusQuery
{
    private readonly QfPayClient _client;
    private readonly ISettingService _settingService;

    public RefundStatusQuery(QfPayClient client, ISettingService settingService)
    {
        _client = client;
        _settingService = settingService;
    }

    public virtual async Task<RefundFinding> QueryAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(refund.StoreId);
        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return new RefundFinding(RefundFindingKind.QueryFailed, null, null, null, null, $"QFPay cannot be asked: {account.Error}");

        return await QueryAsync(account.Value, refund, cancellationToken);
    }

    public virtual async Task<RefundFinding> QueryAsync(QfPayAccount account, QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(refund);

        // A syssn query ignores the date window; an out_trade_no query only sees the months it names (§7.2).
        var request = string.IsNullOrWhiteSpace(refund.RefundSyssn)
            ? QueryRequest.ByOutTradeNo(refund.OutTradeNo, new DateTimeOffset(DateTime.SpecifyKind(refund.CreatedOnUtc, DateTimeKind.Utc)))
            : QueryRequest.BySyssn(refund.RefundSyssn);

        var result = await _client.QueryAsync(account, request, cancellationToken);
        if (!result.IsSuccess)
        {
            return new RefundFinding(RefundFindingKind.QueryFailed, null, result.ResponseCode, null, null,
                $"query for refund {refund.OutTradeNo} failed: {result.Outcome}/{result.Problem}, code {result.ResponseCode ?? "none"}");
        }

        var record = result.Response.Records
            .Where(static r => r.IsRefund || string.IsNullOrEmpty(r.OrderType))
            .FirstOrDefault(r => string.Equals(r.OutTradeNo, refund.OutTradeNo, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(refund.RefundSyssn) && string.Equals(r.Syssn, refund.RefundSyssn, StringComparison.Ordinal)));

        if (record is null)
            return new RefundFinding(RefundFindingKind.NotFound, null, null, null, null, $"QFPay has no refund {refund.OutTradeNo}");

        var kind = record.Status switch
        {
            TransactionStatus.Succeeded => RefundFindingKind.Succeeded,
            TransactionStatus.Pending => RefundFindingKind.Processing,
            _ => RefundFindingKind.Failed,
        };

        return new RefundFinding(kind, record.Syssn, record.ResponseCode, record.AmountInMinorUnits, record.Currency,
            $"QFPay reports refund {refund.OutTradeNo} {kind.ToString().ToLowerInvariant()} (code {record.ResponseCode ?? "none"}, syssn {record.Syssn ?? "none"})");
    }
}
