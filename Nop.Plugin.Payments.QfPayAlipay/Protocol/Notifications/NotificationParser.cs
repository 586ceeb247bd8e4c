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
        if (rawBody.IsEmpty)
            return Fail(NotificationParseError.EmptyBody, "The notification body is empty.");

        if (rawBody.Length > MaxBodyBytes)
            return Fail(NotificationParseError.TooLarge, $"The notification body has {rawBody.Length} bytes; QFPay's are far below {MaxBodyBytes}.");

        try
        {
            using var document = TolerantJson.TryParse(rawBody);
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

        var notifyType = Field(body, "notify_type");
        var outTradeNo = Field(body, "out_trade_no");
        var syssn = Field(body, "syssn");
        var txamt = Field(body, "txamt");
        var currency = MinorUnits.NormalizeCurrency(Field(body, "txcurrcd"));
        var status = Field(body, "status");
        var respcd = Field(body, "respcd");

        foreach (var (name, value) in new[] { ("notify_type", notifyType), ("out_trade_no", outTradeNo), ("syssn", syssn), ("txamt", txamt), ("txcurrcd", currency) })
        {
            if (value is null)
                return Fail(NotificationParseError.MissingField, $"Required field '{name}' is missing or empty (API.md §6.4).");
        }

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

        return NotificationParseResult.Parsed(notifyType == QfPayNotification.PaymentType
            ? Fill(new PaymentNotification { NotifyType = notifyType, Syssn = syssn!, OutTradeNo = outTradeNo!, AmountInMinorUnits = amount, Currency = currency! }, body)
            : Fill(new RefundNotification
            {
                NotifyType = notifyType,
                Syssn = syssn!,
                OutTradeNo = outTradeNo!,
                AmountInMinorUnits = amount,
                Currency = currency!,
                OriginalSyssn = Field(body, "orig_syssn") ?? Field(body, "origssn"),
                CashRefundFee = Field(body, "cash_refund_fee"),
                CashRefundFeeCurrency = Field(body, "cash_refund_fee_type"),
            }, body));
    }

    private static T Fill<T>(T notification, JsonElement body) where T : QfPayNotification => notification with
    {
        PayType = Field(body, "pay_type"),
        Status = Field(body, "status"),
        ResponseCode = Field(body, "respcd"),
        Cancel = Field(body, "cancel"),
        RequestTime = Field(body, "txdtm"),
        SystemTime = Field(body, "sysdtm"),
        PaymentTime = Field(body, "paydtm"),
        ChannelSerial = Field(body, "chnlsn"),
        GoodsName = Field(body, "goods_name"),
        MerchantId = Field(body, "mchid"),
        CashFee = Field(body, "cash_fee"),
        CashFeeCurrency = Field(body, "cash_fee_type"),
        ExchangeRate = Field(body, "exchange_rate"),
        Fields = TolerantJson.Scalars(body),
    };

    private static string? Field(JsonElement body, string name) => TolerantJson.NonEmptyText(body, name)?.Trim();

    // Values from an unauthenticated body end up in logs: keep them short and on one line.
    private static string Shorten(string value)
    {
        var printable = new string([.. value.Where(static c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(33)]);
        return printable.Length <= 32 ? printable : printable[..32] + "...";
    }

    private static NotificationParseResult Fail(NotificationParseError error, string reason) => NotificationParseResult.Failed(error, reason);
}
