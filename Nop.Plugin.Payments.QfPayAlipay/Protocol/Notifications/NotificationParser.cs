using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

/// <summary>
/// Turns a verified notification body into a <see cref="PaymentNotification"/> or
/// <see cref="RefundNotification"/> (API.md §6.4, checklist §6.9 step 2). Unknown fields are ignored
/// (QFPay may add fields at any time, §6.1); values may be JSON strings or numbers (§11.17).
/// Verify the signature first: parsing says nothing about authenticity.
/// </summary>
public static class NotificationParser
{
    /// <summary>Real notifications are about 1 KB; a larger body is not QFPay's.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <param name="rawBody">
    /// The body as received. The notification keeps a reference to it (its <see cref="QfPayNotification.Fields"/> are
    /// read from it on first use), so it must not be changed afterwards, as with <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>.
    /// </param>
    public static NotificationParseResult Parse(ReadOnlyMemory<byte> rawBody)
    {
        if (CheckSize(rawBody) is { } refused)
            return refused;

        return FromFields(rawBody, NotificationFields.Read(rawBody));
    }

    /// <summary>
    /// <see cref="Parse(ReadOnlyMemory{byte})"/> for a caller that already read <paramref name="rawBody"/> with
    /// <see cref="NotificationFields.Read"/>, so the notify route reads the body once.
    /// </summary>
    internal static NotificationParseResult Parse(ReadOnlyMemory<byte> rawBody, NotificationFields fields) =>
        CheckSize(rawBody) ?? FromFields(rawBody, fields);

    private static NotificationParseResult? CheckSize(ReadOnlyMemory<byte> rawBody)
    {
        if (rawBody.IsEmpty)
            return Fail(NotificationParseError.EmptyBody, "The notification body is empty.");

        if (rawBody.Length > MaxBodyBytes)
            return Fail(NotificationParseError.TooLarge, $"The notification body has {rawBody.Length} bytes; QFPay's are far below {MaxBodyBytes}.");

        return null;
    }

    private static NotificationParseResult FromFields(ReadOnlyMemory<byte> rawBody, NotificationFields fields)
    {
        switch (fields.Shape)
        {
            case NotificationBodyShape.NotJson:
                return Fail(NotificationParseError.NotJson, "The notification body is not valid UTF-8 JSON.");
            case NotificationBodyShape.NotAnObject:
                return Fail(NotificationParseError.NotAnObject, $"The notification body is a JSON {fields.RootKind}, not an object.");
        }

        // JsonElement.GetString refuses strings that are not valid UTF-16 once unescaped.
        if (fields.HasInvalidText)
            return Fail(NotificationParseError.NotJson, "The notification body contains text that is not valid Unicode.");

        var notifyType = fields[NotificationField.NotifyType];
        var outTradeNo = fields[NotificationField.OutTradeNo];
        var syssn = fields[NotificationField.Syssn];
        var txamt = fields[NotificationField.Txamt];
        var currency = MinorUnits.NormalizeCurrency(fields[NotificationField.Txcurrcd]);
        var status = fields[NotificationField.Status];
        var respcd = fields[NotificationField.Respcd];

        NotificationParseResult Refuse(NotificationParseError error, string reason) => NotificationParseResult.Failed(error, reason, outTradeNo, syssn, notifyType);

        // In this order: the first missing one is named.
        var missing = notifyType is null ? "notify_type"
            : outTradeNo is null ? "out_trade_no"
            : syssn is null ? "syssn"
            : txamt is null ? "txamt"
            : currency is null ? "txcurrcd"
            : null;
        if (missing is not null)
            return Refuse(NotificationParseError.MissingField, $"Required field '{missing}' is missing or empty.");

        if (notifyType is not (QfPayNotification.PaymentType or QfPayNotification.RefundType))
            return Refuse(NotificationParseError.UnknownNotifyType, $"notify_type '{Shorten(notifyType!)}' is neither 'payment' nor 'refund'.");

        // A syssn is looked up and stored; text that is not one (NUL, control characters, over-long) must reach neither.
        if (!TransactionNumber.IsValid(syssn))
            return Refuse(NotificationParseError.InvalidField, $"syssn '{Shorten(syssn!)}' is not 1 to {TransactionNumber.MaxLength} letters and digits.");

        if (!MinorUnits.TryParse(txamt, out var amount))
            return Refuse(NotificationParseError.InvalidField, $"txamt '{Shorten(txamt!)}' is not a whole number of minor units (digits only, at most 11).");

        if (status is null && respcd is null)
            return Refuse(NotificationParseError.MissingField, "Neither 'status' nor 'respcd' is present, so the notification does not say it succeeded.");

        // QFPay notifies only successes (§6.1); anything else is not a notification we can act on.
        if (respcd is not null && respcd != "0000")
            return Fail(NotificationParseError.NotSuccessful, $"respcd is '{Shorten(respcd)}', not '0000'.");

        if (notifyType == QfPayNotification.PaymentType && status is not null && status != "1")
            return Fail(NotificationParseError.NotSuccessful, $"status is '{Shorten(status)}', not '1' (payment successful).");

        // The optional fields both kinds share are set in the base (status and respcd are the values read above);
        // every scalar field is kept for diagnostics, read from the body only if someone asks.
        var shared = new SharedFields(fields, status, respcd, rawBody);
        return NotificationParseResult.Parsed(notifyType == QfPayNotification.PaymentType
            ? new PaymentNotification(shared) { NotifyType = notifyType, Syssn = syssn!, OutTradeNo = outTradeNo!, AmountInMinorUnits = amount, Currency = currency! }
            : new RefundNotification(shared)
            {
                NotifyType = notifyType,
                Syssn = syssn!,
                OutTradeNo = outTradeNo!,
                AmountInMinorUnits = amount,
                Currency = currency!,
                OriginalSyssn = ValidOrNull(fields[NotificationField.OrigSyssn] ?? fields[NotificationField.Origssn]),
                CashRefundFee = fields[NotificationField.CashRefundFee],
                CashRefundFeeCurrency = fields[NotificationField.CashRefundFeeType],
            });
    }

    /// <summary>
    /// Every scalar field of <paramref name="body"/> as text. Only called for a body the parser accepted, so every
    /// name and value is valid Unicode.
    /// </summary>
    internal static IReadOnlyDictionary<string, string?> AllScalars(ReadOnlyMemory<byte> body)
    {
        using var document = TolerantJson.TryParse(body);
        return document is null ? new Dictionary<string, string?>() : TolerantJson.Scalars(document.RootElement);
    }

    // Values from an unauthenticated body end up in logs: keep them short and on one line.
    private static string Shorten(string value)
    {
        var printable = new string([.. value.Where(static c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(33)]);
        return printable.Length <= 32 ? printable : printable[..32] + "...";
    }

    // Optional, and only ever a hint: one that is not a syssn is treated as absent (the refund is then found by its own syssn).
    private static string? ValidOrNull(string? syssn) => TransactionNumber.IsValid(syssn) ? syssn : null;

    private static NotificationParseResult Fail(NotificationParseError error, string reason) => NotificationParseResult.Failed(error, reason);
}
