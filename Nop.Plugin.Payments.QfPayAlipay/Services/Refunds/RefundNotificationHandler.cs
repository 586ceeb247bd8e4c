using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>What handling a verified refund notification did; <see cref="Acknowledge"/> says whether QFPay gets SUCCESS.</summary>
public enum RefundNotificationOutcome
{
    /// <summary>One of our refunds, confirmed and recorded on the order now.</summary>
    Recorded,

    /// <summary>Already known: confirmed before (a duplicate delivery, docs/qfpay-protocol.md §6.6), or the order cannot take it (noted).</summary>
    AlreadyRecorded,

    /// <summary>Not one of our refunds: noted on the order it refunds (or logged when no order matches).</summary>
    ExternalNoted,

    /// <summary>One of our refunds, but the notification's amount or currency differs: noted once, not recorded.</summary>
    Mismatch,

    /// <summary>The refund request that made it may still be running, or the database failed: QFPay should retry.</summary>
    RetryLater,

    /// <summary>Verified with the key of a store that does not own the refund or the payment it refunds: nothing changed.</summary>
    WrongStore,
}

public sealed record RefundNotificationResult(RefundNotificationOutcome Outcome, string Detail)
{
    /// <summary>Answer SUCCESS: everything except <see cref="RefundNotificationOutcome.RetryLater"/> and <see cref="RefundNotificationOutcome.WrongStore"/>.</summary>
    public bool Acknowledge => Outcome is not (RefundNotificationOutcome.RetryLater or RefundNotificationOutcome.WrongStore);
}

/// <summary>
/// Handles a verified <c>notify_type = refund</c> notification idempotently: our refund is found by its out_trade_no
/// (or syssn) and confirmed once; a duplicate changes nothing; a refund we did not make is looked up by a query of its
/// syssn (the query's refund record names the refunded payment as origssn) and noted on that order, never applied
/// blindly. Whatever it touches must belong to a store whose key verified the notification: one store's credentials
/// never confirm another store's refunds. The notification route calls <see cref="HandleAsync"/> after verifying the
/// signature, and answers SUCCESS when <see cref="RefundNotificationResult.Acknowledge"/>.
/// </summary>
public class RefundNotificationHandler
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly IWorkClaimStore _claims;
    private readonly QfPayClient _client;
    private readonly ExternalRefunds _externalRefunds;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly ConfirmedRefundRecorder _recorder;
    private readonly IRefundStore _refunds;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly RefundTimings _timings;

    private readonly NotificationKeys _keys;
    private readonly PendingRefundResolver _resolver;

    public RefundNotificationHandler(IPaymentAttemptStore attempts,
        IWorkClaimStore claims,
        QfPayClient client,
        ExternalRefunds externalRefunds,
        NotificationKeys keys,
        ILogger logger,
        OrderNotes orderNotes,
        ConfirmedRefundRecorder recorder,
        IRefundStore refunds,
        PendingRefundResolver resolver,
        ISettingService settingService,
        TimeProvider timeProvider,
        RefundTimings timings)
    {
        _attempts = attempts;
        _keys = keys;
        _resolver = resolver;
        _claims = claims;
        _client = client;
        _externalRefunds = externalRefunds;
        _logger = logger;
        _orderNotes = orderNotes;
        _recorder = recorder;
        _refunds = refunds;
        _settingService = settingService;
        _timeProvider = timeProvider;
        _timings = timings;
    }

    /// <param name="verifiedBy">The client key that verified the notification; its store's account is used for the lookup query.</param>
    public virtual async Task<RefundNotificationResult> HandleAsync(RefundNotification notification, CandidateKey verifiedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(verifiedBy);
        try
        {
            var refund = (OutTradeNumber.IsValid(notification.OutTradeNo) ? await _refunds.FindByOutTradeNoAsync(notification.OutTradeNo, cancellationToken) : null)
                ?? await _refunds.FindByRefundSyssnAsync(notification.Syssn, cancellationToken);

            if (refund is not null && !await _keys.IsKeyOfStoreAsync(refund.StoreId, verifiedBy))
                return WrongStore($"refund {refund.OutTradeNo} of store {refund.StoreId}");

            return refund is null
                ? await ExternalAsync(notification, verifiedBy, cancellationToken)
                : await OursAsync(refund, notification, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var detail = $"refund notification syssn {notification.Syssn} not processed ({exception.GetType().Name}); QFPay will retry";
            await TryAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}{detail}.", exception));
            return new RefundNotificationResult(RefundNotificationOutcome.RetryLater, detail);
        }
    }

    private async Task<RefundNotificationResult> OursAsync(QfPayRefund refund, RefundNotification notification, CancellationToken cancellationToken)
    {
        if (refund.Status == RefundStatus.Succeeded)
        {
            await _recorder.CheckRecordedAsync(refund, cancellationToken);
            return new RefundNotificationResult(RefundNotificationOutcome.AlreadyRecorded, $"duplicate notification of confirmed refund {refund.OutTradeNo}; nothing changed");
        }

        if (notification.AmountInMinorUnits != refund.AmountMinor
            || !string.Equals(notification.Currency, refund.CurrencyCode, StringComparison.OrdinalIgnoreCase))
        {
            return await MismatchAsync(refund, notification, cancellationToken);
        }

        // The admin's request may still be between QFPay's answer and its own bookkeeping; it records the refund
        // itself, and QFPay's retry (2 minutes later, §6.6) finds it confirmed.
        if (refund.Status == RefundStatus.Pending && _timeProvider.GetUtcNow().UtcDateTime - Utc(refund.CreatedOnUtc) < _timings.InFlight)
            return new RefundNotificationResult(RefundNotificationOutcome.RetryLater, $"refund {refund.OutTradeNo} was sent moments ago; its request records it");

        return await _recorder.ConfirmAsync(refund, notification.Syssn, RefundSource.Notification, cancellationToken) switch
        {
            RefundRecordOutcome.Recorded => new RefundNotificationResult(RefundNotificationOutcome.Recorded, $"refund {refund.OutTradeNo} confirmed and recorded"),
            RefundRecordOutcome.TransientFailure => new RefundNotificationResult(RefundNotificationOutcome.RetryLater, $"refund {refund.OutTradeNo} could not be recorded yet"),
            _ => new RefundNotificationResult(RefundNotificationOutcome.AlreadyRecorded, $"refund {refund.OutTradeNo} was recorded before"),
        };
    }

    private async Task<RefundNotificationResult> MismatchAsync(QfPayRefund refund, RefundNotification notification, CancellationToken cancellationToken)
    {
        var detail = $"QFPay notified refund {refund.OutTradeNo} as {MinorUnits.Display(notification.AmountInMinorUnits, PrintableText.Of(notification.Currency))} (syssn {notification.Syssn}), " +
            $"but {MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode)} was asked; it is NOT recorded. Check it in QFPay's merchant portal";

        var claim = await _claims.ClaimOnceAsync(WorkClaimKeys.RefundMismatch(notification.Syssn), WorkClaimKind.NoteRefundMismatch,
            refund.Id, _timeProvider.GetUtcNow().UtcDateTime, cancellationToken);

        if (claim == UniqueInsert.Failed)
            return new RefundNotificationResult(RefundNotificationOutcome.RetryLater, detail);

        if (claim == UniqueInsert.Inserted)
        {
            await _orderNotes.AddAsync(refund.OrderId, $"{detail}.");
            await _logger.ErrorAsync($"{OrderNotes.Prefix}{detail} (order id {refund.OrderId}).");
        }

        return new RefundNotificationResult(RefundNotificationOutcome.Mismatch, detail);
    }

    /// <summary>
    /// A verified notification that could not be read fully, whose out_trade_no is one of our refunds: settled from a
    /// query of that refund. Null when no refund has that number.
    /// </summary>
    public virtual async Task<RefundNotificationResult?> ResolveByOutTradeNoAsync(string outTradeNo, CandidateKey verifiedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifiedBy);
        var refund = await _refunds.FindByOutTradeNoAsync(outTradeNo, cancellationToken);
        if (refund is null)
            return null;

        if (!await _keys.IsKeyOfStoreAsync(refund.StoreId, verifiedBy))
            return WrongStore($"refund {refund.OutTradeNo} of store {refund.StoreId}");

        var resolution = await _resolver.ResolveAsync(refund, RefundSource.Notification, cancellationToken);
        var detail = $"QFPay asked about refund {refund.OutTradeNo}: {resolution.Kind} ({resolution.Detail})";
        return resolution.Kind == RefundResolutionKind.StillPending
            ? new RefundNotificationResult(RefundNotificationOutcome.RetryLater, detail)
            : new RefundNotificationResult(RefundNotificationOutcome.AlreadyRecorded, detail);
    }

    private static RefundNotificationResult WrongStore(string about) =>
        new(RefundNotificationOutcome.WrongStore, $"{about} was named in a notification signed with another store's client key");

    private async Task<RefundNotificationResult> ExternalAsync(RefundNotification notification, CandidateKey verifiedBy, CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(verifiedBy.StoreId);
        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return await UnmatchedAsync(notification, $"QFPay cannot be asked about it: {account.Error}");

        // The notification may not name the refunded payment (§6.7, §13 q5); QFPay's record of the refund does.
        var result = await _client.QueryAsync(account.Value, QueryRequest.BySyssn(notification.Syssn), cancellationToken);
        if (!result.IsSuccess)
        {
            return new RefundNotificationResult(RefundNotificationOutcome.RetryLater,
                $"refund syssn {notification.Syssn} could not be looked up ({result.Outcome}/{result.Problem}); QFPay will retry");
        }

        var record = result.Response.FindBySyssn(notification.Syssn);
        if (record is null || !record.IsRefund || string.IsNullOrWhiteSpace(record.OriginalSyssn))
            return await UnmatchedAsync(notification, "QFPay's query does not show which payment it refunds");

        if (await _attempts.FindBySyssnAsync(record.OriginalSyssn, cancellationToken) is { } payment && !await _keys.IsKeyOfStoreAsync(payment.StoreId, verifiedBy))
            return WrongStore($"the refund of payment {record.OriginalSyssn} (store {payment.StoreId})");

        return await _externalRefunds.NoteAsync(record, cancellationToken) switch
        {
            ExternalRefundNote.UnknownPayment => await UnmatchedAsync(notification, $"it refunds payment {record.OriginalSyssn}, which this shop does not know"),
            ExternalRefundNote.NotExternal => new RefundNotificationResult(RefundNotificationOutcome.AlreadyRecorded, $"refund syssn {notification.Syssn} is one of ours"),
            _ => new RefundNotificationResult(RefundNotificationOutcome.ExternalNoted, $"refund syssn {notification.Syssn} of payment {record.OriginalSyssn} noted"),
        };
    }

    private async Task<RefundNotificationResult> UnmatchedAsync(RefundNotification notification, string why)
    {
        var detail = $"QFPay notified a refund of {MinorUnits.Display(notification.AmountInMinorUnits, PrintableText.Of(notification.Currency))} (syssn {notification.Syssn}, " +
            $"out_trade_no {PrintableText.Of(notification.OutTradeNo, OutTradeNumber.MaxLength)}) that matches no refund of this shop; {why}";
        await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}.");
        return new RefundNotificationResult(RefundNotificationOutcome.ExternalNoted, detail);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception)
        {
            // The log lives in the database that may just have failed.
        }
    }
}
