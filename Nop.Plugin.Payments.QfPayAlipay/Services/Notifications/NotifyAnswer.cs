using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// What the notification route answers. QFPay counts a delivery as done only on HTTP 200 with the body
/// <c>SUCCESS</c> and retries anything else 7 more times over about a day (API.md §6.5, §6.6). So SUCCESS means "the
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
