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

    public static NotificationParseResult Parse(ReadOnlyMemory<byte> rawBody)
    {
        if (CheckSize(rawBody) is { } refused)
            return refused;

        using var document = TolerantJson.TryParse(rawBody);
        return FromDocument(document);
    }

    /// <summary>
    /// <see cref="Parse(ReadOnlyMemory{byte})"/> for a caller that already holds <paramref name="rawBody"/> parsed by
    /// <see cref="TolerantJson.TryParse"/> (null when that failed), so the notify route parses the body once.
    /// </summary>
    internal static NotificationParseResult Parse(ReadOnlyMemory<byte> rawBody, JsonDocument? document) =>
        CheckSize(rawBody) ?? FromDocument(document);

    private static NotificationParseResult? CheckSize(ReadOnlyMemory<byte> rawBody)
    {
        if (rawBody.IsEmpty)
            return Fail(NotificationParseError.EmptyBody, "The notification body is empty.");

        if (rawBody.Length > MaxBodyBytes)
            return Fail(NotificationParseError.TooLarge, $"The notification body has {rawBody.Length} bytes; QFPay's are far below {MaxBodyBytes}.");

        return null;
    }

    private static NotificationParseResult FromDocument(JsonDocument? document)
    {
        try
        {
            if (document is null)
                return Fail(NotificationParseError.NotJson, "The notification body is not valid UTF-8 JSON (API.md §6.1: application/json).");

            return FromObject(document.RootElement);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString refuses strings that are not valid UTF-16 once unescaped.
            return Fail(NotificationParseError.NotJson, "The notification body contains text that is not valid Unicode.");
        }
    }

    private static NotificationParseResult FromObject(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return Fail(NotificationParseError.NotAnObject, $"The notification body is a JSON {body.ValueKind.ToString().ToLowerInvariant()}, not an object (API.md §6.4).");

        var scalars = ScalarsOnce(body);
        string? Field(string name) => scalars is null ? FieldOf(body, name) : FieldOf(scalars, name);

        var notifyType = Field("notify_type");
        var outTradeNo = Field("out_trade_no");
        var syssn = Field("syssn");
        var txamt = Field("txamt");
        var currency = MinorUnits.NormalizeCurrency(Field("txcurrcd"));
        var status = Field("status");
        var respcd = Field("respcd");

        // In this order: the first missing one is named.
        var missing = notifyType is null ? "notify_type"
            : outTradeNo is null ? "out_trade_no"
            : syssn is null ? "syssn"
            : txamt is null ? "txamt"
            : currency is null ? "txcurrcd"
            : null;
        if (missing is not null)
            return Fail(NotificationParseError.MissingField, $"Required field '{missing}' is missing or empty (API.md §6.4).");

        if (notifyType is not (QfPayNotification.PaymentType or QfPayNotification.RefundType))
            return Fail(NotificationParseError.UnknownNotifyType, $"notify_type '{Shorten(notifyType!)}' is neither 'payment' nor 'refund' (API.md §6.4).");

        if (!MinorUnits.TryParse(txamt, out var amount))
            return Fail(NotificationParseError.InvalidField, $"txamt '{Shorten(txamt!)}' is not a whole number of minor units (digits only, at most 11; API.md §4.3).");

        if (status is null && respcd is null)
            return Fail(NotificationParseError.MissingField, "Neither 'status' nor 'respcd' is present, so the notification does not say it succeeded (API.md §6.4).");

        // QFPay notifies only successes (§6.1); anything else is not a notification we can act on.
        if (respcd is not null && respcd != "0000")
            return Fail(NotificationParseError.NotSuccessful, $"respcd is '{Shorten(respcd)}', not '0000' (API.md §6.4).");

        if (notifyType == QfPayNotification.PaymentType && status is not null && status != "1")
            return Fail(NotificationParseError.NotSuccessful, $"status is '{Shorten(status)}', not '1' (payment successful, API.md §6.4).");

        QfPayNotification notification = notifyType == QfPayNotification.PaymentType
            ? new PaymentNotification { NotifyType = notifyType, Syssn = syssn!, OutTradeNo = outTradeNo!, AmountInMinorUnits = amount, Currency = currency! }
            : new RefundNotification
            {
                NotifyType = notifyType,
                Syssn = syssn!,
                OutTradeNo = outTradeNo!,
                AmountInMinorUnits = amount,
                Currency = currency!,
                OriginalSyssn = Field("orig_syssn") ?? Field("origssn"),
                CashRefundFee = Field("cash_refund_fee"),
                CashRefundFeeCurrency = Field("cash_refund_fee_type"),
            };

        // The optional fields both kinds share, set in one place; status and respcd are the values read above.
        return NotificationParseResult.Parsed(notification with
        {
            PayType = Field("pay_type"),
            Status = status,
            ResponseCode = respcd,
            Cancel = Field("cancel"),
            RequestTime = Field("txdtm"),
            SystemTime = Field("sysdtm"),
            PaymentTime = Field("paydtm"),
            ChannelSerial = Field("chnlsn"),
            GoodsName = Field("goods_name"),
            MerchantId = Field("mchid"),
            CashFee = Field("cash_fee"),
            CashFeeCurrency = Field("cash_fee_type"),
            ExchangeRate = Field("exchange_rate"),
            Fields = scalars ?? TolerantJson.Scalars(body),
        });
    }

    /// <summary>
    /// <see cref="TolerantJson.Scalars"/> in one pass, without looking every property up again by name; null when a
    /// name repeats or a text is not valid Unicode, where the caller goes the original way (lookups by name).
    /// When every name occurs once, a lookup by name finds that very property, so the fields read from this
    /// dictionary are the ones <see cref="TolerantJson.NonEmptyText"/> would read.
    /// </summary>
    private static Dictionary<string, string?>? ScalarsOnce(JsonElement body)
    {
        var fields = new Dictionary<string, string?>(16, StringComparer.Ordinal);
        HashSet<string>? nonScalars = null;
        try
        {
            foreach (var property in body.EnumerateObject())
            {
                var name = property.Name;
                var value = property.Value;
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    if (fields.ContainsKey(name) || !(nonScalars ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        return null;
                }
                else if (nonScalars?.Contains(name) == true || !fields.TryAdd(name, ScalarText(value)))
                {
                    return null;
                }
            }
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return fields;
    }

    // TolerantJson.Text for an element already in hand.
    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string? FieldOf(JsonElement body, string name) => TolerantJson.NonEmptyText(body, name)?.Trim();

    private static string? FieldOf(Dictionary<string, string?> scalars, string name) =>
        scalars.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    // Values from an unauthenticated body end up in logs: keep them short and on one line.
    private static string Shorten(string value)
    {
        var printable = new string([.. value.Where(static c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(33)]);
        return printable.Length <= 32 ? printable : printable[..32] + "...";
    }

    private static NotificationParseResult Fail(NotificationParseError error, string reason) => NotificationParseResult.Failed(error, reason);
}
