using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Core;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// Turns one request to the notification route into one <see cref="NotifyAnswer"/> (the table is on that type).
/// Order of checks: method, size, body, signature header, then the signature against the configured keys (settings,
/// no database): nothing of an unverified body reaches the database. Only then is the body read, the payment or refund
/// it names looked up, and its store's key required to be the one that verified it; a payment goes to
/// <see cref="SettlementService"/>, a refund to <see cref="RefundNotificationHandler"/>. A verified body that cannot be
/// read fully is not refused: QFPay is asked about its out_trade_no instead (docs/money-invariants.md, "A verified
/// notification is never wasted").
/// </summary>
public class NotificationHandler
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly NotificationCoalescer _coalescer;
    private readonly ICustomerService _customers;
    private readonly IIntegrationHealthLog _healthLog;
    private readonly NotificationKeys _keys;
    private readonly ILogger _logger;
    private readonly LogThrottle _logThrottle;
    private readonly Lazy<RefundNotificationHandler> _refunds;
    private readonly SettlementService _settlement;
    private readonly Lazy<PaymentStatusCheck> _statusCheck;
    private readonly IWorkContext _workContext;

    public NotificationHandler(IPaymentAttemptStore attempts,
        NotificationCoalescer coalescer,
        ICustomerService customers,
        IIntegrationHealthLog healthLog,
        NotificationKeys keys,
        ILogger logger,
        LogThrottle logThrottle,
        Lazy<RefundNotificationHandler> refunds,
        SettlementService settlement,
        Lazy<PaymentStatusCheck> statusCheck,
        IWorkContext workContext)
    {
        _attempts = attempts;
        _coalescer = coalescer;
        _customers = customers;
        _healthLog = healthLog;
        _keys = keys;
        _logger = logger;
        _logThrottle = logThrottle;
        _refunds = refunds;
        _settlement = settlement;
        _statusCheck = statusCheck;
        _workContext = workContext;
    }

    public virtual async Task<NotifyAnswer> HandleAsync(IncomingNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        HandledNotification handled;
        if (IsWorthCoalescing(notification))
        {
            // The one delivery that runs is not cut short by its own client going away: others may be waiting for it.
            (handled, var shared) = await _coalescer.RunAsync(notification, () => HandleOnceAsync(notification, CancellationToken.None), cancellationToken);
            if (shared && handled.Reason == NotifyReason.Settled)
                handled = new HandledNotification(NotifyReason.Duplicate, handled.StoreId, "identical to a delivery this node settled a moment ago");
        }
        else
        {
            handled = await HandleOnceAsync(notification, cancellationToken);
        }

        await RecordHealthAsync(handled, cancellationToken);
        return NotifyAnswer.For(handled.Reason);
    }

    /// <summary>Refusals that need no key or database are cheaper to repeat than to coalesce.</summary>
    private static bool IsWorthCoalescing(IncomingNotification notification) =>
        HttpMethods.IsPost(notification.Method) && !notification.IsTooLarge && !notification.Body.IsEmpty && !string.IsNullOrWhiteSpace(notification.Signature);

    private async Task<HandledNotification> HandleOnceAsync(IncomingNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleCoreAsync(notification, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var handled = new HandledNotification(NotifyReason.TransientFailure, 0, $"unexpected {exception.GetType().Name}");
            await TryAsync(() => _logger.ErrorAsync($"{OrderNotes.Prefix}notification not processed ({handled.Detail}); QFPay will retry.", exception));
            return handled;
        }
    }

    private async Task<HandledNotification> HandleCoreAsync(IncomingNotification notification, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(notification.Method))
            return await RefusedAsync(NotifyReason.MethodNotAllowed, $"method {Shorten(notification.Method)} instead of POST");

        if (notification.IsTooLarge)
            return await RefusedAsync(NotifyReason.PayloadTooLarge, $"body larger than {IncomingNotification.MaxBodyBytes} bytes");

        if (notification.Body.IsEmpty)
            return await RefusedAsync(NotifyReason.EmptyBody, "empty body");

        if (string.IsNullOrWhiteSpace(notification.Signature))
            return await RefusedAsync(NotifyReason.MissingSignature, "no X-QF-SIGN header");

        var keys = await _keys.AllConfiguredAsync();
        if (keys.Count == 0)
            return await RefusedAsync(NotifyReason.KeyNotConfigured, "no store has a QFPay client key; enter it on the configure page, QFPay retries for about a day");

        var verifiedBy = Verify(notification, keys, out var refusal);
        if (verifiedBy is null)
            return await RefusedAsync(refusal, "the signature matches no configured client key (test and production keys mixed up, or not sent by QFPay)");

        var parsed = NotificationParser.Parse(notification.Body);
        if (!parsed.IsSuccess)
        {
            if (parsed.Error == NotificationParseError.NotSuccessful)
            {
                await _logger.InformationAsync($"{OrderNotes.Prefix}verified notification for out_trade_no {parsed.OutTradeNo ?? "(none)"} ignored: {parsed.Reason}");
                return new HandledNotification(NotifyReason.NotSuccessful, verifiedBy.StoreId, parsed.Reason);
            }

            return await RecoverByQueryAsync(parsed, verifiedBy, cancellationToken);
        }

        if (parsed.Notification is RefundNotification refund)
            return await HandleRefundAsync(refund, verifiedBy, cancellationToken);

        var payment = parsed.Notification;

        // Our numbers are short ASCII (OutTradeNumber); anything else cannot be ours, and is not looked up.
        var attempt = OutTradeNumber.IsValid(payment.OutTradeNo) ? await _attempts.FindByOutTradeNoAsync(payment.OutTradeNo, cancellationToken) : null;
        if (attempt is null)
            return await UnknownAsync(verifiedBy, $"verified payment notification for unknown out_trade_no {ForLog(payment.OutTradeNo)} (syssn {ForLog(payment.Syssn)}); nothing changed");

        if (!await _keys.IsKeyOfStoreAsync(attempt.StoreId, verifiedBy))
            return await WrongStoreAsync(attempt.StoreId, $"payment notification for out_trade_no {attempt.OutTradeNo} (store {attempt.StoreId})");

        await ActAsBackgroundTaskAsync();
        var result = await _settlement.SettleAsync(new PaidFact(payment.OutTradeNo, payment.Syssn, payment.AmountInMinorUnits, payment.Currency,
            SettlementSource.Notification, payment.PayType, payment.Cancel), attempt, cancellationToken);
        return new HandledNotification(ReasonFor(result), attempt.StoreId, result.Detail);
    }

    private static NotifyReason ReasonFor(SettlementResult result) => result.Outcome switch
    {
        SettlementOutcome.Settled => NotifyReason.Settled,
        SettlementOutcome.AlreadySettled => NotifyReason.Duplicate,
        SettlementOutcome.UnknownTransaction => NotifyReason.UnknownTransaction,
        SettlementOutcome.Mismatch => NotifyReason.Mismatch,
        SettlementOutcome.DuplicatePayment => NotifyReason.DuplicatePayment,
        SettlementOutcome.OrderNotPayable => NotifyReason.OrderNotPayable,
        SettlementOutcome.Busy => NotifyReason.SettlementBusy,
        _ => NotifyReason.TransientFailure,
    };

    /// <summary>The key that signed the body, or null with the reason none did.</summary>
    private static CandidateKey? Verify(IncomingNotification notification, IReadOnlyList<CandidateKey> keys, out NotifyReason refusal)
    {
        refusal = NotifyReason.BadSignature;
        foreach (var key in keys)
        {
            var verdict = NotificationVerifier.Verify(notification.Body.Span, notification.Signature, key.ClientKey);
            if (verdict.IsAuthentic)
                return key;

            if (verdict.Failure == NotificationVerificationFailure.MalformedSignatureHeader)
                return null;
        }

        return null;
    }

    /// <summary>
    /// A verified body that lacks a field (or has one that cannot be read): QFPay signed it, so it is about something
    /// real. The shop asks QFPay about the out_trade_no it names and applies the answer, instead of refusing a genuine
    /// notification until QFPay gives up.
    /// </summary>
    private async Task<HandledNotification> RecoverByQueryAsync(NotificationParseResult parsed, CandidateKey verifiedBy, CancellationToken cancellationToken)
    {
        var what = $"verified notification that cannot be read fully ({parsed.Reason})";
        var outTradeNo = OutTradeNumber.IsValid(parsed.OutTradeNo) ? parsed.OutTradeNo : null;
        var syssn = TransactionNumber.IsValid(parsed.Syssn) ? parsed.Syssn : null;

        var attempt = outTradeNo is not null ? await _attempts.FindByOutTradeNoAsync(outTradeNo, cancellationToken)
            : syssn is not null ? await _attempts.FindBySyssnAsync(syssn, cancellationToken)
            : null;
        if (attempt is not null)
        {
            if (!await _keys.IsKeyOfStoreAsync(attempt.StoreId, verifiedBy))
                return await WrongStoreAsync(attempt.StoreId, $"{what} for out_trade_no {attempt.OutTradeNo} (store {attempt.StoreId})");

            await ActAsBackgroundTaskAsync();
            var check = await _statusCheck.Value.CheckAsync(attempt, SettlementSource.Notification, cancellationToken);
            var detail = $"{what}; QFPay asked about out_trade_no {attempt.OutTradeNo}: {check.State} ({check.Detail})";
            if (check.State == PaymentCheckState.Pending)
            {
                await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}; QFPay's next delivery is checked again.");
                return new HandledNotification(NotifyReason.QueryPending, attempt.StoreId, detail);
            }

            await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}.");
            return new HandledNotification(NotifyReason.RecoveredByQuery, attempt.StoreId, detail);
        }

        if (outTradeNo is not null && await ResolveRefundAsync(outTradeNo, verifiedBy, cancellationToken) is { } refund)
        {
            var reason = refund.Outcome switch
            {
                RefundNotificationOutcome.WrongStore => NotifyReason.WrongStoreKey,
                RefundNotificationOutcome.RetryLater => NotifyReason.QueryPending,
                _ => NotifyReason.RecoveredByQuery,
            };
            return new HandledNotification(reason, verifiedBy.StoreId, $"{what}; {refund.Detail}");
        }

        if (outTradeNo is null && syssn is null)
        {
            await _logger.ErrorAsync($"{OrderNotes.Prefix}notification refused ({NotifyReason.Malformed}): {what} names no out_trade_no or syssn QFPay could be asked about. Nothing was changed.");
            return new HandledNotification(NotifyReason.Malformed, verifiedBy.StoreId, parsed.Reason);
        }

        return await UnknownAsync(verifiedBy, $"{what} for unknown out_trade_no {ForLog(parsed.OutTradeNo)}; nothing changed");
    }

    private async Task<RefundNotificationResult?> ResolveRefundAsync(string outTradeNo, CandidateKey verifiedBy, CancellationToken cancellationToken)
    {
        await ActAsBackgroundTaskAsync();
        return await _refunds.Value.ResolveByOutTradeNoAsync(outTradeNo, verifiedBy, cancellationToken);
    }

    private async Task<HandledNotification> HandleRefundAsync(RefundNotification refund, CandidateKey verifiedBy, CancellationToken cancellationToken)
    {
        await ActAsBackgroundTaskAsync();
        var result = await _refunds.Value.HandleAsync(refund, verifiedBy, cancellationToken);
        var detail = $"refund syssn {ForLog(refund.Syssn)}, {result.Outcome}: {result.Detail}";
        if (result.Outcome == RefundNotificationOutcome.WrongStore)
            return await WrongStoreAsync(verifiedBy.StoreId, detail);

        if (result.Acknowledge)
            return new HandledNotification(NotifyReason.RefundRecorded, verifiedBy.StoreId, detail);

        // Usually the refund's own request is still finishing (it records the refund itself) or QFPay could not be
        // asked; the warning says why this delivery was not taken, QFPay's next attempt comes minutes later.
        await _logger.WarningAsync($"{OrderNotes.Prefix}refund notification answered RETRY ({detail}).");
        return new HandledNotification(NotifyReason.RefundRetryLater, verifiedBy.StoreId, detail);
    }

    /// <summary>
    /// QFPay's request carries no customer cookie, so nopCommerce's work context would create a guest customer the
    /// first time anything asks for the current customer (order notes, e-mails, the activity log) while an order is
    /// changed. A notification is background work: it runs as nopCommerce's built-in background-task customer, as
    /// nopCommerce's own scheduled tasks do. Called only once a verified notification is about to touch an order.
    /// </summary>
    private async Task ActAsBackgroundTaskAsync() =>
        await _workContext.SetCurrentCustomerAsync(await _customers.GetOrCreateBackgroundTaskUserAsync());

    private async Task<HandledNotification> UnknownAsync(CandidateKey verifiedBy, string detail)
    {
        if (_logThrottle.ShouldWrite($"notify-unknown:{verifiedBy.StoreId}"))
            await _logger.WarningAsync($"{OrderNotes.Prefix}{detail}.");
        return new HandledNotification(NotifyReason.UnknownTransaction, verifiedBy.StoreId, detail);
    }

    private async Task<HandledNotification> WrongStoreAsync(int storeId, string about)
    {
        var detail = $"{about} was signed with the client key of another store; one store's QFPay credentials never confirm another store's records";
        await _logger.ErrorAsync($"{OrderNotes.Prefix}notification refused: {detail}. Nothing was changed.");
        return new HandledNotification(NotifyReason.WrongStoreKey, storeId, detail);
    }

    private async Task<HandledNotification> RefusedAsync(NotifyReason reason, string detail)
    {
        // Anyone can post here; one warning per reason and hour shows a problem without letting a flood fill the log
        // (the health log on the configure page counts every refusal).
        if (_logThrottle.ShouldWrite($"notify-refused:{reason}"))
            await _logger.WarningAsync($"{OrderNotes.Prefix}notification refused ({reason}): {detail}. Nothing was changed.");
        return new HandledNotification(reason, 0, detail);
    }

    private async Task RecordHealthAsync(HandledNotification handled, CancellationToken cancellationToken)
    {
        var accepted = handled.Reason is NotifyReason.Settled or NotifyReason.Duplicate or NotifyReason.DuplicatePayment
            or NotifyReason.OrderNotPayable or NotifyReason.NotSuccessful or NotifyReason.RefundRecorded or NotifyReason.RecoveredByQuery;
        var kind = accepted ? IntegrationEventKind.NotificationAccepted : IntegrationEventKind.NotificationRejected;

        // The health log is a diagnostic: it must never change what QFPay is told. Counted in memory, written at most
        // once a minute per reason: a notification (or a forged post) costs no database write of its own.
        try
        {
            await _healthLog.CountNotificationAsync(handled.StoreId, kind, handled.Reason.ToString(), handled.Detail, cancellationToken);
        }
        catch (Exception)
        {
            // Logging must not turn an answer into a failure.
        }
    }

    /// <summary>Verified text, still from outside: short and printable in a log line.</summary>
    private static string ForLog(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "(none)";

        var printable = new string([.. value.Where(static c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(65)]);
        return printable.Length <= 64 ? printable : printable[..64] + "...";
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

}

/// <summary>What the handler made of one delivery: the reason of its answer, the store concerned (0 unknown), and a short detail for the health log.</summary>
public readonly record struct HandledNotification(NotifyReason Reason, int StoreId, string? Detail);
