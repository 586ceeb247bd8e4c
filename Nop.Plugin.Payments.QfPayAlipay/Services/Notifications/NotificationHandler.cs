using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Core;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// Turns one request to the notification route into one <see cref="NotifyAnswer"/> (the table is on that type).
/// The method and size are the route's to check; then <see cref="QfPayNotification.Construct"/> is called once with
/// every configured key (settings, no database) and checks body, signature header and signature before it reads the
/// body: nothing of an unverified body reaches the database. Only then is the payment or refund it names looked up, and
/// its store's key required to be the one that verified it; a payment goes to
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
            (handled, var shared) = await _coalescer.RunAsync(notification, () => ProcessAsync(notification, CancellationToken.None), cancellationToken);
            if (shared && handled.Reason == NotifyReason.Settled)
                handled = new HandledNotification(NotifyReason.Duplicate, handled.StoreId, "identical to a delivery this node settled a moment ago");
        }
        else
        {
            handled = await ProcessAsync(notification, cancellationToken);
        }

        await RecordHealthAsync(handled, cancellationToken);
        return NotifyAnswer.For(handled.Reason);
    }

    /// <summary>Refusals that need no key or database are cheaper to repeat than to coalesce.</summary>
    private static bool IsWorthCoalescing(IncomingNotification notification) =>
        HttpMethods.IsPost(notification.Method) && !notification.IsTooLarge && !notification.Body.IsEmpty && !string.IsNullOrWhiteSpace(notification.Signature);

    /// <summary>One delivery, start to end; never throws (a failure is a <see cref="NotifyReason.TransientFailure"/>).</summary>
    private async Task<HandledNotification> ProcessAsync(IncomingNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            if (!HttpMethods.IsPost(notification.Method))
                return await RefusedAsync(NotifyReason.MethodNotAllowed, $"method {Shorten(notification.Method)} instead of POST");

            if (notification.IsTooLarge)
                return await RefusedAsync(NotifyReason.PayloadTooLarge, $"body larger than {IncomingNotification.MaxBodyBytes} bytes");

            // No body or no signature is refused before any key is needed; the keys are settings (cached, no database).
            var keys = notification.Body.IsEmpty || string.IsNullOrWhiteSpace(notification.Signature) ? [] : await _keys.AllConfiguredAsync();
            var constructed = QfPayNotification.Construct(notification.Body, notification.Signature, [.. keys.Select(static key => key.ClientKey)]);
            if (constructed.VerifiedByKey is not { } keyIndex)
                return await RefusedAsync(ReasonFor(constructed.Refusal), constructed.Reason!);

            var verifiedBy = keys[keyIndex];
            if (constructed.Notification is RefundNotification refund)
                return await HandleRefundAsync(refund, verifiedBy, cancellationToken);

            if (constructed.Refusal == NotificationRefusal.NotSuccessful)
            {
                await _logger.InformationAsync($"{OrderNotes.Prefix}verified notification for out_trade_no {constructed.OutTradeNo ?? "(none)"} ignored: {constructed.Reason}");
                return new HandledNotification(NotifyReason.NotSuccessful, verifiedBy.StoreId, constructed.Reason);
            }

            if (constructed.Notification is not PaymentNotification payment)
                return await RecoverByQueryAsync(constructed, verifiedBy, cancellationToken);

            // Our numbers are short ASCII (OutTradeNumber); anything else cannot be ours, and is not looked up.
            var attempt = OutTradeNumber.IsValid(payment.OutTradeNo) ? await _attempts.FindByOutTradeNoAsync(payment.OutTradeNo, cancellationToken) : null;
            if (attempt is null)
                return await UnknownAsync(verifiedBy, $"verified payment notification for unknown out_trade_no {ForLog(payment.OutTradeNo)} (syssn {ForLog(payment.Syssn)}); nothing changed");

            if (!await _keys.IsKeyOfStoreAsync(attempt.StoreId, verifiedBy))
                return await WrongStoreAsync(attempt.StoreId, $"payment notification for out_trade_no {attempt.OutTradeNo} (store {attempt.StoreId})");

            await ActAsBackgroundTaskAsync();
            var result = await _settlement.SettleAsync(new PaidFact(payment.OutTradeNo, payment.Syssn, payment.AmountInMinorUnits, payment.Currency,
                SettlementSource.Notification, payment.PayType, payment.Cancel), attempt, cancellationToken);
            var reason = result.Outcome switch
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
            return new HandledNotification(reason, attempt.StoreId, result.Detail);
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

    /// <summary>Why an unverified request is refused (a verified one is settled, recorded or asked about instead).</summary>
    private static NotifyReason ReasonFor(NotificationRefusal refusal) => refusal switch
    {
        NotificationRefusal.EmptyBody => NotifyReason.EmptyBody,
        NotificationRefusal.TooLarge => NotifyReason.PayloadTooLarge,
        NotificationRefusal.MissingSignature => NotifyReason.MissingSignature,
        NotificationRefusal.NoClientKey => NotifyReason.KeyNotConfigured,
        _ => NotifyReason.BadSignature,
    };

    /// <summary>
    /// A verified body that lacks a field (or has one that cannot be read): QFPay signed it, so it is about something
    /// real. The shop asks QFPay about the out_trade_no it names and applies the answer, instead of refusing a genuine
    /// notification until QFPay gives up.
    /// </summary>
    private async Task<HandledNotification> RecoverByQueryAsync(ConstructedNotification parsed, CandidateKey verifiedBy, CancellationToken cancellationToken)
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

/// <summary>
/// One request to the notification route, reduced to what verification needs: the method, the exact body bytes
/// (never parsed or re-serialised before the signature is checked, docs/qfpay-protocol.md §6.3, §11.6) and the X-QF-SIGN header.
/// </summary>
public sealed record IncomingNotification(string Method, ReadOnlyMemory<byte> Body, string? Signature, bool IsTooLarge = false)
{
    /// <summary>QFPay's notifications are about 1 KB; the protocol refuses anything above this.</summary>
    public const int MaxBodyBytes = QfPayNotification.MaxBodyBytes;

    /// <summary>Reads at most <see cref="MaxBodyBytes"/> + 1 bytes, so an endless body costs nothing.</summary>
    public static async Task<IncomingNotification> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers.TryGetValue(QfPayHeaders.Sign, out var values) ? values.ToString() : null;
        if (!HttpMethods.IsPost(request.Method))
            return new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature);

        if (request.ContentLength > MaxBodyBytes)
            return new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature, IsTooLarge: true);

        // A notification is about 1 KB and QFPay announces its length: the buffer takes that size (one byte more, to
        // catch a body longer than announced) and grows only when a body is longer, up to the limit. A fixed buffer of
        // the whole limit would cost every post 64 KB.
        var buffer = new byte[request.ContentLength is { } announced ? (int)announced + 1 : 4096];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > MaxBodyBytes)
                    break;
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
                break;
            length += read;
        }

        return length > MaxBodyBytes
            ? new IncomingNotification(request.Method, ReadOnlyMemory<byte>.Empty, signature, IsTooLarge: true)
            : new IncomingNotification(request.Method, buffer.AsMemory(0, length), signature);
    }
}

/// <summary>Why the notification route answered as it did; each reason has exactly one answer in <see cref="NotifyAnswer.Table"/>.</summary>
public enum NotifyReason
{
    /// <summary>Verified payment; this delivery marked the order paid.</summary>
    Settled,

    /// <summary>Verified payment already settled by an earlier or concurrent delivery, the return page or a query.</summary>
    Duplicate,

    /// <summary>Verified payment, but no attempt has its out_trade_no (another shop on the same app code?).</summary>
    UnknownTransaction,

    /// <summary>Verified payment whose amount, currency, syssn or pay type differs from the attempt (or QFPay shows it refunded): order not paid, noted once.</summary>
    Mismatch,

    /// <summary>Verified payment for an order already paid by another payment: flagged as a duplicate payment to refund.</summary>
    DuplicatePayment,

    /// <summary>Verified payment for an order that cannot be paid (cancelled, deleted): flagged for a refund.</summary>
    OrderNotPayable,

    /// <summary>Verified, but not a success (respcd not 0000 or status not 1): QFPay does not send these (docs/qfpay-protocol.md §6.1), nothing to do.</summary>
    NotSuccessful,

    /// <summary>
    /// Verified refund notification the shop is done with: one of its refunds confirmed now or before, a refund made
    /// elsewhere noted on its order (or logged), or an amount mismatch noted (RefundNotificationHandler).
    /// </summary>
    RefundRecorded,

    /// <summary>Not a POST.</summary>
    MethodNotAllowed,

    /// <summary>Body above the limit (QFPay's are about 1 KB).</summary>
    PayloadTooLarge,

    /// <summary>No body.</summary>
    EmptyBody,

    /// <summary>Not a JSON object, or a verified body that names no transaction the shop could ask QFPay about.</summary>
    Malformed,

    /// <summary>
    /// Verified, but some fields were missing or unreadable: QFPay was asked about its out_trade_no and the answer was
    /// applied (settled, noted, or found unpaid). A genuine notification is never refused for its shape alone.
    /// </summary>
    RecoveredByQuery,

    /// <summary>No X-QF-SIGN header.</summary>
    MissingSignature,

    /// <summary>X-QF-SIGN is malformed or does not match any configured key.</summary>
    BadSignature,

    /// <summary>
    /// Signed with the key of a store that does not own the payment or refund it names: one store's credentials never
    /// confirm another store's records. Nothing changed.
    /// </summary>
    WrongStoreKey,

    /// <summary>No store has a client key now: nothing can be verified until one is entered.</summary>
    KeyNotConfigured,

    /// <summary>Another delivery is settling this payment right now and did not finish within the wait.</summary>
    SettlementBusy,

    /// <summary>Verified but unreadable, and QFPay could not be asked about it yet (or still reports it open): retry.</summary>
    QueryPending,

    /// <summary>
    /// Verified refund notification that cannot be taken yet: the refund's own request may still be running, QFPay
    /// could not be asked about a refund made elsewhere, or the database failed.
    /// </summary>
    RefundRetryLater,

    /// <summary>The database or another dependency failed.</summary>
    TransientFailure,
}

/// <summary>
/// What the notification route answers. QFPay counts a delivery as done only on HTTP 200 with the body
/// <c>SUCCESS</c> and retries anything else 7 more times over about a day (docs/qfpay-protocol.md §6.5, §6.6). So SUCCESS means "the
/// shop is done with this notification": the order update is committed, or the notification is verified but no retry
/// could ever change the outcome. A failure that may pass (database, a settlement running elsewhere) answers 503 so
/// that QFPay retries; a request that is not QFPay's answers 4xx and changes nothing.
/// </summary>
/// <remarks>
/// Every answer (README, "Notification answers"):
/// <code>
/// Reason              Status  Body                When
/// Settled             200     SUCCESS             verified payment; this delivery marked the order paid
/// Duplicate           200     SUCCESS             verified payment settled before (delivery, return page, query)
/// UnknownTransaction  200     SUCCESS             verified payment, no attempt has its out_trade_no; logged, nothing changed
/// Mismatch            200     SUCCESS             verified payment, amount/currency/syssn/pay type differ or refunded; not paid, note + error log once
/// DuplicatePayment    200     SUCCESS             verified payment, order already paid by another payment; flagged to refund, note + warning
/// OrderNotPayable     200     SUCCESS             verified payment, order cancelled/deleted; note + warning (refund it)
/// NotSuccessful       200     SUCCESS             verified, but respcd is not 0000 / status not 1; nothing to do
/// RefundRecorded      200     SUCCESS             verified refund; confirmed and recorded (now or before), or noted (made elsewhere, mismatch)
/// RecoveredByQuery    200     SUCCESS             verified, fields missing; QFPay asked by out_trade_no, its answer applied
/// MethodNotAllowed    405     METHOD NOT ALLOWED  not a POST (Allow: POST)
/// PayloadTooLarge     413     PAYLOAD TOO LARGE   body above 64 KB
/// EmptyBody           400     EMPTY BODY          no body
/// Malformed           400     MALFORMED           not a JSON object, or verified but naming nothing the shop can ask QFPay about
/// MissingSignature    401     MISSING SIGNATURE   no X-QF-SIGN header
/// BadSignature        401     BAD SIGNATURE       X-QF-SIGN malformed, or matches no configured key
/// WrongStoreKey       401     BAD SIGNATURE       verified with a key, but the record it names belongs to a store with another key
/// KeyNotConfigured    503     RETRY               no store has a client key now; QFPay retries for a day
/// SettlementBusy      503     RETRY               another delivery is settling this payment right now
/// QueryPending        503     RETRY               verified, fields missing, and QFPay could not be asked yet (or reports it open)
/// RefundRetryLater    503     RETRY               verified refund; its request may still be running, QFPay or the database failed
/// TransientFailure    503     RETRY               database or other dependency failed; nothing was committed
/// </code>
/// </remarks>
public sealed record NotifyAnswer(int StatusCode, string Body, NotifyReason Reason)
{
    public const string SuccessBody = "SUCCESS";
    public const string RetryBody = "RETRY";
    public const string ContentType = "text/plain; charset=utf-8";

    public static IReadOnlyDictionary<NotifyReason, NotifyAnswer> Table { get; } = new[]
    {
        Success(NotifyReason.Settled),
        Success(NotifyReason.Duplicate),
        Success(NotifyReason.UnknownTransaction),
        Success(NotifyReason.Mismatch),
        Success(NotifyReason.DuplicatePayment),
        Success(NotifyReason.OrderNotPayable),
        Success(NotifyReason.NotSuccessful),
        Success(NotifyReason.RefundRecorded),
        Success(NotifyReason.RecoveredByQuery),
        new NotifyAnswer(StatusCodes.Status405MethodNotAllowed, "METHOD NOT ALLOWED", NotifyReason.MethodNotAllowed),
        new NotifyAnswer(StatusCodes.Status413PayloadTooLarge, "PAYLOAD TOO LARGE", NotifyReason.PayloadTooLarge),
        new NotifyAnswer(StatusCodes.Status400BadRequest, "EMPTY BODY", NotifyReason.EmptyBody),
        new NotifyAnswer(StatusCodes.Status400BadRequest, "MALFORMED", NotifyReason.Malformed),
        new NotifyAnswer(StatusCodes.Status401Unauthorized, "MISSING SIGNATURE", NotifyReason.MissingSignature),
        new NotifyAnswer(StatusCodes.Status401Unauthorized, "BAD SIGNATURE", NotifyReason.BadSignature),
        new NotifyAnswer(StatusCodes.Status401Unauthorized, "BAD SIGNATURE", NotifyReason.WrongStoreKey),
        Retry(NotifyReason.KeyNotConfigured),
        Retry(NotifyReason.SettlementBusy),
        Retry(NotifyReason.QueryPending),
        Retry(NotifyReason.RefundRetryLater),
        Retry(NotifyReason.TransientFailure),
    }.ToFrozenDictionary(static answer => answer.Reason);

    /// <summary>QFPay stops retrying only on this answer.</summary>
    public bool IsSuccess => StatusCode == StatusCodes.Status200OK && Body == SuccessBody;

    public static NotifyAnswer For(NotifyReason reason) => Table[reason];

    private static NotifyAnswer Success(NotifyReason reason) => new(StatusCodes.Status200OK, SuccessBody, reason);

    private static NotifyAnswer Retry(NotifyReason reason) => new(StatusCodes.Status503ServiceUnavailable, RetryBody, reason);
}

/// <summary>A client key that may have signed a notification, and the store it belongs to (0 = the all-stores default).</summary>
public sealed record CandidateKey(int StoreId, string ClientKey)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"CandidateKey {{ StoreId = {StoreId} }}";
}

/// <summary>
/// Finds the client keys a notification may be signed with. QFPay sends no app code with a notification, so the body
/// is checked against every configured key (settings are cached: no database statement), and nothing the body says is
/// looked up before one of them verified it; then the record it names must belong to a store whose key that is.
/// </summary>
public class NotificationKeys
{
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;

    public NotificationKeys(ISettingService settingService, IStoreService storeService)
    {
        _settingService = settingService;
        _storeService = storeService;
    }

    /// <summary>The key of <paramref name="storeId"/>, or null when that store has none.</summary>
    public virtual async Task<CandidateKey?> ForStoreAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeId);
        return string.IsNullOrEmpty(settings.ClientKey) ? null : new CandidateKey(storeId, settings.ClientKey);
    }

    /// <summary>
    /// Whether <paramref name="verifiedBy"/> is the key of <paramref name="storeId"/> now: only that store's key may
    /// confirm a payment or refund of that store (several stores may share one key).
    /// </summary>
    public virtual async Task<bool> IsKeyOfStoreAsync(int storeId, CandidateKey verifiedBy)
    {
        ArgumentNullException.ThrowIfNull(verifiedBy);
        var key = await ForStoreAsync(storeId);
        return key is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.ClientKey), Encoding.UTF8.GetBytes(verifiedBy.ClientKey));
    }

    /// <summary>Every distinct configured key, the all-stores default first.</summary>
    public virtual async Task<IReadOnlyList<CandidateKey>> AllConfiguredAsync()
    {
        var keys = new List<CandidateKey>();
        var storeIds = new List<int> { 0 };
        storeIds.AddRange((await _storeService.GetAllStoresAsync()).Select(static store => store.Id));
        foreach (var storeId in storeIds.Distinct())
        {
            if (await ForStoreAsync(storeId) is { } key && keys.All(k => !string.Equals(k.ClientKey, key.ClientKey, StringComparison.Ordinal)))
                keys.Add(key);
        }

        return keys;
    }
}
