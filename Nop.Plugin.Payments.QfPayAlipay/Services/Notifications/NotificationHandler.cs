using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// Turns one request to the notification route into one <see cref="NotifyAnswer"/> (the table is on that type).
/// Order of checks (API.md §6.9): method, size, body, signature header; then the untrusted out_trade_no only picks
/// the key (the key of the store that owns the attempt, or every configured key for an unknown number); only a
/// verified body is parsed fully and settled (a payment by <see cref="SettlementService"/>, a refund by
/// <see cref="RefundNotificationHandler"/>). Nothing is written for a request that fails verification.
/// </summary>
public class NotificationHandler
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly IIntegrationHealthLog _healthLog;
    private readonly NotificationKeys _keys;
    private readonly ILogger _logger;
    private readonly LogThrottle _logThrottle;
    private readonly Lazy<RefundNotificationHandler> _refunds;
    private readonly SettlementService _settlement;

    public NotificationHandler(IPaymentAttemptStore attempts,
        IIntegrationHealthLog healthLog,
        NotificationKeys keys,
        ILogger logger,
        LogThrottle logThrottle,
        Lazy<RefundNotificationHandler> refunds,
        SettlementService settlement)
    {
        _attempts = attempts;
        _healthLog = healthLog;
        _keys = keys;
        _logger = logger;
        _logThrottle = logThrottle;
        _refunds = refunds;
        _settlement = settlement;
    }

    public virtual async Task<NotifyAnswer> HandleAsync(IncomingNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Handled handled;
        try
        {
            handled = await HandleCoreAsync(notification, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            handled = new Handled(NotifyReason.TransientFailure, 0, $"unexpected {exception.GetType().Name}");
            await TryAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}notification not processed ({handled.Detail}); QFPay will retry.", exception));
        }

        await RecordHealthAsync(handled, cancellationToken);
        return NotifyAnswer.For(handled.Reason);
    }

    private async ValueTask<Handled> HandleCoreAsync(IncomingNotification notification, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(notification.Method))
            return await RefusedAsync(NotifyReason.MethodNotAllowed, $"method {Shorten(notification.Method)} instead of POST");

        if (notification.IsTooLarge)
            return await RefusedAsync(NotifyReason.PayloadTooLarge, $"body larger than {IncomingNotification.MaxBodyBytes} bytes");

        if (notification.Body.IsEmpty)
            return await RefusedAsync(NotifyReason.EmptyBody, "empty body");

        if (string.IsNullOrWhiteSpace(notification.Signature))
            return await RefusedAsync(NotifyReason.MissingSignature, "no X-QF-SIGN header");

        // Read once: the out_trade_no is taken from it before verification, the other fields only after.
        var fields = NotificationFields.Read(notification.Body);
        var outTradeNo = ReadOutTradeNo(fields);
        if (outTradeNo is null)
            return await RefusedAsync(NotifyReason.Malformed, "not a JSON object with an out_trade_no");

        var attempt = await _attempts.FindByOutTradeNoAsync(outTradeNo, cancellationToken);
        var verified = attempt is null
            ? await VerifyWithAnyKeyAsync(notification)
            : await VerifyWithStoreKeyAsync(notification, attempt);
        if (verified.Refusal is { } refusal)
            return refusal;

        var parsed = NotificationParser.Parse(notification.Body, fields);
        if (!parsed.IsSuccess)
        {
            if (parsed.Error == NotificationParseError.NotSuccessful)
            {
                await _logger.InformationAsync($"{OrderNotes.Prefix}verified notification for out_trade_no {outTradeNo} ignored: {parsed.Reason}");
                return new Handled(NotifyReason.NotSuccessful, verified.StoreId, parsed.Reason);
            }

            // Signed by QFPay yet unreadable: no retry will change it, but a 4xx keeps it visible on QFPay's side too.
            await _logger.ErrorAsync($"{OrderNotes.Prefix}verified notification for out_trade_no {outTradeNo} refused ({NotifyReason.Malformed}): {parsed.Reason}");
            return new Handled(NotifyReason.Malformed, verified.StoreId, parsed.Reason);
        }

        if (parsed.Notification is RefundNotification refund)
            return await HandleRefundAsync(refund, verified.StoreId, cancellationToken);

        var payment = parsed.Notification;
        var result = await _settlement.SettleAsync(
            new PaidFact(payment.OutTradeNo, payment.Syssn, payment.AmountInMinorUnits, payment.Currency, SettlementSource.Notification), attempt, cancellationToken);

        var reason = result.Outcome switch
        {
            SettlementOutcome.Settled => NotifyReason.Settled,
            SettlementOutcome.AlreadySettled => NotifyReason.Duplicate,
            SettlementOutcome.UnknownTransaction => NotifyReason.UnknownTransaction,
            SettlementOutcome.Mismatch => NotifyReason.Mismatch,
            SettlementOutcome.PaidTwice => NotifyReason.PaidTwice,
            SettlementOutcome.OrderNotPayable => NotifyReason.OrderNotPayable,
            SettlementOutcome.Busy => NotifyReason.SettlementBusy,
            _ => NotifyReason.TransientFailure,
        };
        return new Handled(reason, verified.StoreId, result.Detail);
    }

    private async ValueTask<Handled> HandleRefundAsync(RefundNotification refund, int storeId, CancellationToken cancellationToken)
    {
        // The verifying key's store is passed on: a refund the plugin did not make is looked up with that store's account.
        var result = await _refunds.Value.HandleAsync(refund, storeId, cancellationToken);
        var detail = $"refund syssn {refund.Syssn}, {result.Outcome}: {result.Detail}";
        if (result.Acknowledge)
            return new Handled(NotifyReason.RefundRecorded, storeId, detail);

        // Usually the refund's own request is still finishing (it records the refund itself) or QFPay could not be
        // asked; the warning says why this delivery was not taken, QFPay's next attempt comes minutes later.
        await _logger.WarningAsync($"{OrderNotes.Prefix}refund notification answered RETRY ({detail}).");
        return new Handled(NotifyReason.RefundRetryLater, storeId, detail);
    }

    private async ValueTask<Verification> VerifyWithStoreKeyAsync(IncomingNotification notification, QfPayPaymentAttempt attempt)
    {
        var key = await _keys.ForStoreAsync(attempt.StoreId);
        if (key is null)
        {
            var detail = $"notification for out_trade_no {attempt.OutTradeNo} (order id {attempt.OrderId}) cannot be verified: store {attempt.StoreId} has no QFPay client key; enter it, QFPay retries for about a day";
            await _logger.ErrorAsync($"{OrderNotes.Prefix}{detail}.");
            return Verification.Refused(new Handled(NotifyReason.KeyNotConfigured, attempt.StoreId, detail));
        }

        var verdict = NotificationVerifier.Verify(notification.Body.Span, notification.Signature, key.ClientKey);
        return verdict.IsAuthentic
            ? Verification.Accepted(attempt.StoreId)
            : Verification.Refused(await RefusedAsync(ReasonFor(verdict), $"out_trade_no {attempt.OutTradeNo}: {verdict.Reason}", attempt.StoreId));
    }

    private async ValueTask<Verification> VerifyWithAnyKeyAsync(IncomingNotification notification)
    {
        NotificationVerification? last = null;
        foreach (var key in await _keys.AllConfiguredAsync())
        {
            last = NotificationVerifier.Verify(notification.Body.Span, notification.Signature, key.ClientKey);
            if (last.IsAuthentic)
                return Verification.Accepted(key.StoreId);
            if (last.Failure == NotificationVerificationFailure.MalformedSignatureHeader)
                break;
        }

        var detail = last is null ? "unknown out_trade_no and no store has a QFPay client key" : $"unknown out_trade_no: {last.Reason}";
        return Verification.Refused(await RefusedAsync(last is null ? NotifyReason.BadSignature : ReasonFor(last), detail));
    }

    private static NotifyReason ReasonFor(NotificationVerification verdict) => verdict.Failure switch
    {
        NotificationVerificationFailure.MissingSignatureHeader => NotifyReason.MissingSignature,
        NotificationVerificationFailure.EmptyBody => NotifyReason.EmptyBody,
        _ => NotifyReason.BadSignature,
    };

    /// <summary>
    /// The only field read before verification, and only to choose the key. Never logged in full: it is untrusted.
    /// </summary>
    private static string? ReadOutTradeNo(NotificationFields fields) =>
        fields.Shape == NotificationBodyShape.Object && fields[NotificationField.OutTradeNo] is { Length: <= 128 } value ? value : null;

    private async ValueTask<Handled> RefusedAsync(NotifyReason reason, string detail, int storeId = 0)
    {
        // Anyone can post here; one warning per reason and hour shows a problem without letting a flood fill the log
        // (the health log on the configure page counts every refusal).
        if (_logThrottle.ShouldWrite($"notify-refused:{reason}"))
            await _logger.WarningAsync($"{OrderNotes.Prefix}notification refused ({reason}): {detail}. Nothing was changed.");
        return new Handled(reason, storeId, detail);
    }

    private async Task RecordHealthAsync(Handled handled, CancellationToken cancellationToken)
    {
        var accepted = handled.Reason is NotifyReason.Settled or NotifyReason.Duplicate or NotifyReason.PaidTwice
            or NotifyReason.OrderNotPayable or NotifyReason.NotSuccessful or NotifyReason.RefundRecorded;
        var kind = accepted ? IntegrationEventKind.NotificationAccepted : IntegrationEventKind.NotificationRejected;

        // The health log is a diagnostic: it must never change what QFPay is told. (Inline rather than through
        // TryAsync: no closure per notification.)
        try
        {
            await _healthLog.RecordAsync(handled.StoreId, kind, $"{handled.Reason}: {handled.Detail}", cancellationToken);
        }
        catch (Exception)
        {
            // Logging must not turn an answer into a failure.
        }
    }

    private static string Shorten(string? text) => string.IsNullOrEmpty(text) ? "(none)" : text.Length <= 16 ? text : text[..16];

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception)
        {
            // Logging must not turn an answer into a failure.
        }
    }

    private readonly record struct Handled(NotifyReason Reason, int StoreId, string? Detail);

    private readonly record struct Verification(int StoreId, Handled? Refusal)
    {
        public static Verification Accepted(int storeId) => new(storeId, null);

        public static Verification Refused(Handled refusal) => new(refusal.StoreId, refusal);
    }
}
