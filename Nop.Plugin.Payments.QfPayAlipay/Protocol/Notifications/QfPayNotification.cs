using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Newtonsoft.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

/// <summary>
/// A verified, parsed notification body (docs/qfpay-protocol.md §6.4). Values are kept as QFPay sent them (trimmed), except the
/// amount, which is parsed. Match it to an attempt by <see cref="OutTradeNo"/> and process it idempotently
/// by <see cref="NotifyType"/> + <see cref="Syssn"/>: the same notification can arrive up to 8 times (§6.6).
/// </summary>
public abstract record QfPayNotification
{
    public const string PaymentType = "payment";
    public const string RefundType = "refund";

    /// <summary>Real notifications are about 1 KB; a larger body is not QFPay's.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary><c>payment</c> or <c>refund</c>.</summary>
    public required string NotifyType { get; init; }

    /// <summary>QFPay's number of this transaction (the refund's own number for refunds, §6.7).</summary>
    public required string Syssn { get; init; }

    /// <summary>Our number from the request (the attempt's or the refund's).</summary>
    public required string OutTradeNo { get; init; }

    /// <summary><c>txamt</c>: amount in minor units, checked to be a non-negative integer.</summary>
    public required long AmountInMinorUnits { get; init; }

    /// <summary><c>txcurrcd</c>, upper case.</summary>
    public required string Currency { get; init; }

    public string? PayType { get; init; }

    /// <summary><c>status</c>: <c>1</c> means successful (the only documented value, §6.4).</summary>
    public string? Status { get; init; }

    /// <summary><c>respcd</c>: always <c>0000</c> in notifications (§6.4).</summary>
    public string? ResponseCode { get; init; }

    /// <summary><c>cancel</c>: 0 none, 3 refunded, 5 partially refunded, ... (§6.4).</summary>
    public string? Cancel { get; init; }

    public string? RequestTime { get; init; }

    /// <summary><c>sysdtm</c>, QFPay's time (UTC+8); parse with <c>QfPayTime.TryParse</c>.</summary>
    public string? SystemTime { get; init; }

    public string? PaymentTime { get; init; }

    /// <summary><c>chnlsn</c>: the wallet's (Alipay's) transaction number.</summary>
    public string? ChannelSerial { get; init; }

    public string? GoodsName { get; init; }

    public string? MerchantId { get; init; }

    /// <summary><c>cash_fee</c> in <see cref="CashFeeCurrency"/>: what the payer actually paid (FX, §9.2). Compare the order with <see cref="AmountInMinorUnits"/>, not this.</summary>
    public string? CashFee { get; init; }

    public string? CashFeeCurrency { get; init; }

    public string? ExchangeRate { get; init; }

    /// <summary>Every scalar field of the body as text, including ones this type does not name.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// The one way in for a notification (like stripe-dotnet's <c>ConstructEvent</c>): checks the size, that
    /// <paramref name="signatureHeader"/> is MD5(raw body + key) for one of <paramref name="clientKeys"/> (docs/qfpay-protocol.md §6.3),
    /// and only then reads the body. Never throws for bad input: a refusal says why, and on a verified body which key
    /// verified it.
    /// </summary>
    /// <param name="rawBody">The body exactly as received, before any JSON parsing.</param>
    /// <param name="signatureHeader">The <c>X-QF-SIGN</c> header value, or null when absent.</param>
    /// <param name="clientKeys">Every client key the notification may be signed with; QFPay does not say which.</param>
    public static ConstructedNotification Construct(ReadOnlyMemory<byte> rawBody, string? signatureHeader, IReadOnlyList<string> clientKeys)
    {
        ArgumentNullException.ThrowIfNull(clientKeys);
        if (CheckSize(rawBody) is { } refused)
            return refused;

        if (string.IsNullOrWhiteSpace(signatureHeader))
            return ConstructedNotification.Refused(NotificationRefusal.MissingSignature, "no X-QF-SIGN header");

        if (clientKeys.Count == 0)
        {
            return ConstructedNotification.Refused(NotificationRefusal.NoClientKey,
                "no store has a QFPay client key; enter it on the configure page, QFPay retries for about a day");
        }

        for (var i = 0; i < clientKeys.Count; i++)
        {
            var verdict = NotificationVerifier.Verify(rawBody.Span, signatureHeader, clientKeys[i]);
            if (verdict.IsAuthentic)
                return Parse(rawBody) with { VerifiedByKey = i };

            // A header that is no MD5 digest matches no key.
            if (verdict.Failure == NotificationVerificationFailure.MalformedSignatureHeader)
                break;
        }

        return ConstructedNotification.Refused(NotificationRefusal.BadSignature,
            "the signature matches no configured client key (test and production keys mixed up, or not sent by QFPay)");
    }

    /// <summary>
    /// Reads a body into a <see cref="PaymentNotification"/> or <see cref="RefundNotification"/> (docs/qfpay-protocol.md §6.4, checklist
    /// §6.9 step 2). Unknown fields are ignored (QFPay may add fields at any time, §6.1); values may be JSON strings or
    /// numbers (§11.17). Says nothing about authenticity: <see cref="Construct"/> verifies first.
    /// </summary>
    internal static ConstructedNotification Parse(ReadOnlyMemory<byte> rawBody)
    {
        if (CheckSize(rawBody) is { } refused)
            return refused;

        var body = NotificationBody.Read(rawBody);
        switch (body.Shape)
        {
            case NotificationBodyShape.NotJson:
                return Fail(NotificationRefusal.NotJson, "The notification body is not valid UTF-8 JSON.");
            case NotificationBodyShape.NotAnObject:
                return Fail(NotificationRefusal.NotAnObject, $"The notification body is a JSON {body.RootKind}, not an object.");
        }

        if (body.HasInvalidText)
            return Fail(NotificationRefusal.NotJson, "The notification body contains text that is not valid Unicode.");

        var notifyType = body["notify_type"];
        var outTradeNo = body["out_trade_no"];
        var syssn = body["syssn"];
        var txamt = body["txamt"];
        var currency = MinorUnits.NormalizeCurrency(body["txcurrcd"]);
        var status = body["status"];
        var respcd = body["respcd"];

        ConstructedNotification Refuse(NotificationRefusal refusal, string reason) =>
            ConstructedNotification.Refused(refusal, reason) with { OutTradeNo = outTradeNo, Syssn = syssn, NotifyType = notifyType };

        // In this order: the first missing one is named.
        var missing = notifyType is null ? "notify_type"
            : outTradeNo is null ? "out_trade_no"
            : syssn is null ? "syssn"
            : txamt is null ? "txamt"
            : currency is null ? "txcurrcd"
            : null;
        if (missing is not null)
            return Refuse(NotificationRefusal.MissingField, $"Required field '{missing}' is missing or empty.");

        if (notifyType is not (PaymentType or RefundType))
            return Refuse(NotificationRefusal.UnknownNotifyType, $"notify_type '{Shorten(notifyType!)}' is neither 'payment' nor 'refund'.");

        // A syssn is looked up and stored; text that is not one (NUL, control characters, over-long) must reach neither.
        if (!TransactionNumber.IsValid(syssn))
            return Refuse(NotificationRefusal.InvalidField, $"syssn '{Shorten(syssn!)}' is not 1 to {TransactionNumber.MaxLength} letters and digits.");

        if (!MinorUnits.TryParse(txamt, out var amount))
            return Refuse(NotificationRefusal.InvalidField, $"txamt '{Shorten(txamt!)}' is not a whole number of minor units (digits only, at most 11).");

        if (status is null && respcd is null)
            return Refuse(NotificationRefusal.MissingField, "Neither 'status' nor 'respcd' is present, so the notification does not say it succeeded.");

        // QFPay notifies only successes (§6.1); anything else is not a notification we can act on.
        if (respcd is not null && respcd != "0000")
            return Fail(NotificationRefusal.NotSuccessful, $"respcd is '{Shorten(respcd)}', not '0000'.");

        if (notifyType == PaymentType && status is not null && status != "1")
            return Fail(NotificationRefusal.NotSuccessful, $"status is '{Shorten(status)}', not '1' (payment successful).");

        QfPayNotification notification = notifyType == PaymentType
            ? new PaymentNotification { NotifyType = notifyType, Syssn = syssn!, OutTradeNo = outTradeNo!, AmountInMinorUnits = amount, Currency = currency! }
            : new RefundNotification
            {
                NotifyType = notifyType,
                Syssn = syssn!,
                OutTradeNo = outTradeNo!,
                AmountInMinorUnits = amount,
                Currency = currency!,
                OriginalSyssn = ValidOrNull(body["orig_syssn"] ?? body["origssn"]),
                CashRefundFee = body["cash_refund_fee"],
                CashRefundFeeCurrency = body["cash_refund_fee_type"],
            };

        return ConstructedNotification.Parsed(notification with
        {
            PayType = body["pay_type"],
            Status = status,
            ResponseCode = respcd,
            Cancel = body["cancel"],
            RequestTime = body["txdtm"],
            SystemTime = body["sysdtm"],
            PaymentTime = body["paydtm"],
            ChannelSerial = body["chnlsn"],
            GoodsName = body["goods_name"],
            MerchantId = body["mchid"],
            CashFee = body["cash_fee"],
            CashFeeCurrency = body["cash_fee_type"],
            ExchangeRate = body["exchange_rate"],
            Fields = body.Scalars,
        });
    }

    private static ConstructedNotification? CheckSize(ReadOnlyMemory<byte> rawBody)
    {
        if (rawBody.IsEmpty)
            return Fail(NotificationRefusal.EmptyBody, "The notification body is empty.");

        if (rawBody.Length > MaxBodyBytes)
            return Fail(NotificationRefusal.TooLarge, $"The notification body has {rawBody.Length} bytes; QFPay's are far below {MaxBodyBytes}.");

        return null;
    }

    // Values from an unauthenticated body end up in logs: keep them short and on one line.
    private static string Shorten(string value)
    {
        var printable = new string([.. value.Where(static c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(33)]);
        return printable.Length <= 32 ? printable : printable[..32] + "...";
    }

    // Optional, and only ever a hint: one that is not a syssn is treated as absent (the refund is then found by its own syssn).
    private static string? ValidOrNull(string? syssn) => TransactionNumber.IsValid(syssn) ? syssn : null;

    private static ConstructedNotification Fail(NotificationRefusal refusal, string reason) => ConstructedNotification.Refused(refusal, reason);
}

/// <summary>A successful payment (<c>notify_type = payment</c>).</summary>
public sealed record PaymentNotification : QfPayNotification;

/// <summary>
/// A successful refund (<c>notify_type = refund</c>). QFPay documents no example (docs/qfpay-protocol.md §6.7, §13 q5), so
/// the original payment's number is read from <c>orig_syssn</c> or <c>origssn</c> when either is present;
/// otherwise link it through <see cref="QfPayNotification.OutTradeNo"/> or a query by its syssn.
/// </summary>
public sealed record RefundNotification : QfPayNotification
{
    public string? OriginalSyssn { get; init; }

    public string? CashRefundFee { get; init; }

    public string? CashRefundFeeCurrency { get; init; }
}

/// <summary>Why a request to the notification route is not a notification the shop can act on.</summary>
public enum NotificationRefusal
{
    None,
    EmptyBody,
    TooLarge,
    MissingSignature,
    NoClientKey,
    BadSignature,
    NotJson,
    NotAnObject,
    MissingField,
    InvalidField,
    UnknownNotifyType,
    NotSuccessful,
}

/// <summary>
/// What <see cref="QfPayNotification.Construct"/> made of a request: a notification, or why it is not one. Never
/// thrown: bad input is expected here.
/// </summary>
public sealed record ConstructedNotification
{
    private ConstructedNotification(QfPayNotification? notification, NotificationRefusal refusal, string? reason)
    {
        Notification = notification;
        Refusal = refusal;
        Reason = reason;
    }

    [MemberNotNullWhen(true, nameof(Notification))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsSuccess => Refusal == NotificationRefusal.None;

    public QfPayNotification? Notification { get; }

    public NotificationRefusal Refusal { get; }

    /// <summary>What is wrong, naming the field; safe to log (no body, no key).</summary>
    public string? Reason { get; }

    /// <summary>The index of the client key whose signature matched; null when none did (or none was tried).</summary>
    public int? VerifiedByKey { get; init; }

    /// <summary>
    /// On a refusal after reading, the body's out_trade_no, syssn and notify_type as far as they could be read (trimmed,
    /// null when absent): enough to ask QFPay about a verified notification that is missing other fields. Unverified,
    /// they are only untrusted text.
    /// </summary>
    public string? OutTradeNo { get; init; }

    /// <inheritdoc cref="OutTradeNo"/>
    public string? Syssn { get; init; }

    /// <inheritdoc cref="OutTradeNo"/>
    public string? NotifyType { get; init; }

    internal static ConstructedNotification Parsed(QfPayNotification notification) => new(notification, NotificationRefusal.None, null);

    internal static ConstructedNotification Refused(NotificationRefusal refusal, string reason) => new(null, refusal, reason);

    public override string ToString() => IsSuccess ? $"Parsed {Notification.NotifyType} {Notification.OutTradeNo}" : $"{Refusal}: {Reason}";
}

internal enum NotificationBodyShape
{
    Object,
    NotJson,
    NotAnObject,
}

/// <summary>
/// A notification body read with Newtonsoft.Json as strict JSON (RFC 8259): no comments, single quotes, trailing commas,
/// NaN or raw control characters, which Newtonsoft would otherwise accept. Top-level scalars are kept as text: strings
/// unescaped, numbers by their literal digits (so <c>12800</c> and <c>"12800"</c> read alike and <c>1e3</c> is not
/// <c>1000</c>), booleans as <c>true</c>/<c>false</c>. A repeated name reads as its last value. Objects and arrays are
/// checked as JSON and otherwise ignored.
/// </summary>
internal sealed class NotificationBody
{
    private static readonly NotificationBody NotJson = new(NotificationBodyShape.NotJson, null, false, new Dictionary<string, string?>());

    private NotificationBody(NotificationBodyShape shape, string? rootKind, bool hasInvalidText, IReadOnlyDictionary<string, string?> scalars)
    {
        Shape = shape;
        RootKind = rootKind;
        HasInvalidText = hasInvalidText;
        Scalars = scalars;
    }

    public NotificationBodyShape Shape { get; }

    /// <summary>For <see cref="NotificationBodyShape.NotAnObject"/>: what the body is instead (array, string, ...).</summary>
    public string? RootKind { get; }

    /// <summary>True when a top-level name or scalar value is not valid Unicode (a lone surrogate, invalid UTF-8).</summary>
    public bool HasInvalidText { get; }

    /// <summary>Every top-level scalar field as text (null for JSON null); a field that is not valid Unicode is null.</summary>
    public IReadOnlyDictionary<string, string?> Scalars { get; }

    /// <summary>The field's text, trimmed; null when it is missing, blank, not a scalar or not valid Unicode.</summary>
    public string? this[string name] =>
        Scalars.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public static NotificationBody Read(ReadOnlyMemory<byte> utf8)
    {
        // Invalid bytes become U+FFFD: outside a string that is not JSON; inside one, the text is not valid Unicode.
        var hasInvalidBytes = !Utf8.IsValid(utf8.Span);
        var reader = new StrictJsonReader(Encoding.UTF8.GetString(utf8.Span), hasInvalidBytes);
        try
        {
            return Read(reader);
        }
        catch (JsonException)
        {
            return NotJson;
        }
    }

    private static NotificationBody Read(StrictJsonReader reader)
    {
        reader.Next();
        if (reader.Token != JsonToken.StartObject)
        {
            var kind = reader.Token switch
            {
                JsonToken.StartArray => "array",
                JsonToken.String => "string",
                JsonToken.Integer or JsonToken.Float => "number",
                JsonToken.Boolean => reader.Text,
                _ => "null",
            };
            reader.SkipValue();
            reader.End();
            return new NotificationBody(NotificationBodyShape.NotAnObject, kind, false, new Dictionary<string, string?>());
        }

        var last = new Dictionary<string, (string? Text, bool IsText)?>(StringComparer.Ordinal);
        var scalarNames = new List<string>();
        var hasInvalidText = false;
        while (true)
        {
            reader.Next();
            if (reader.Token == JsonToken.EndObject)
                break;

            var name = reader.Text!;
            var nameIsText = reader.IsText;

            // As lookups by name, which unescape every name they pass: an escaped lone surrogate in any name counts.
            hasInvalidText |= reader.HasLoneSurrogate;
            reader.Next();
            if (reader.Token is JsonToken.StartObject or JsonToken.StartArray)
            {
                reader.SkipValue();
                last[name] = null;
                continue;
            }

            // As lookups by name: the names of objects and arrays are never turned into text.
            hasInvalidText |= !nameIsText;
            scalarNames.Add(name);
            last[name] = (reader.Text, reader.IsText);
        }

        reader.End();
        var scalars = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in scalarNames)
        {
            var value = last[name];
            hasInvalidText |= value is { IsText: false };
            scalars[name] = value is { IsText: true } scalar ? scalar.Text : null;
        }

        return new NotificationBody(NotificationBodyShape.Object, null, hasInvalidText, scalars);
    }
}
