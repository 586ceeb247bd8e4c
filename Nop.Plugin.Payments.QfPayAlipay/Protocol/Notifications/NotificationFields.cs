using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

/// <summary>The body fields the parser reads by name (API.md §6.4).</summary>
internal enum NotificationField
{
    NotifyType,
    OutTradeNo,
    Syssn,
    Txamt,
    Txcurrcd,
    Status,
    Respcd,
    OrigSyssn,
    Origssn,
    CashRefundFee,
    CashRefundFeeType,
    PayType,
    Cancel,
    Txdtm,
    Sysdtm,
    Paydtm,
    Chnlsn,
    GoodsName,
    Mchid,
    CashFee,
    CashFeeType,
    ExchangeRate,
}

/// <summary>
/// A notification body read once, before and after verification: the notify route needs <c>out_trade_no</c> to pick
/// the key and, once the signature holds, the other named fields. The usual body (each name once, no escaped names)
/// is read in one forward pass that turns only the named fields into text. Anything unusual (a repeated or escaped
/// name, more names than any notification has) is read through a <see cref="JsonDocument"/> with lookups by name,
/// so both ways give the same values: a field's text as <see cref="TolerantJson.NonEmptyText"/> gives it, trimmed.
/// </summary>
internal sealed class NotificationFields
{
    /// <summary>QFPay's notifications have about 25 fields; a body with more names than this is read by name.</summary>
    private const int MaxForwardNames = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = TolerantJson.Options.MaxDepth };

    private readonly string?[] _values = new string?[FieldCount];

    private NotificationFields(NotificationBodyShape shape, string? rootKind = null)
    {
        Shape = shape;
        RootKind = rootKind;
    }

    public NotificationBodyShape Shape { get; }

    /// <summary>For <see cref="NotificationBodyShape.NotAnObject"/>: what the body is instead (array, string, ...).</summary>
    public string? RootKind { get; }

    /// <summary>True when a top-level name or scalar value is not valid Unicode (the parser refuses such a body).</summary>
    public bool HasInvalidText { get; private set; }

    private static int FieldCount { get; } = Enum.GetValues<NotificationField>().Length;

    private static byte[][] Utf8Names { get; } = Enum.GetValues<NotificationField>().Select(static f => Encoding.UTF8.GetBytes(NameOf(f))).ToArray();

    private static FrozenDictionary<ulong, NotificationField> FieldsByHash { get; } =
        Enum.GetValues<NotificationField>().ToFrozenDictionary(static f => HashOf(Utf8Names[(int)f]));

    public static NotificationFields Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            return ReadForward(body.Span) ?? ReadByName(body);
        }
        catch (JsonException)
        {
            return new NotificationFields(NotificationBodyShape.NotJson);
        }
        catch (ArgumentException)
        {
            return new NotificationFields(NotificationBodyShape.NotJson);
        }
    }

    /// <summary>The field's text, trimmed; null when it is missing, blank, not a scalar or not valid Unicode.</summary>
    public string? this[NotificationField field] => _values[(int)field];

    /// <returns>Null when the body needs reading by name (a repeated or escaped top-level name, very many names).</returns>
    private static NotificationFields? ReadForward(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = KindOf(reader.TokenType);
            reader.Skip();
            while (reader.Read())
            {
                // A second value after the first is invalid JSON; Read throws on it.
            }

            return new NotificationFields(NotificationBodyShape.NotAnObject, kind);
        }

        var fields = new NotificationFields(NotificationBodyShape.Object);
        Span<ulong> seen = stackalloc ulong[MaxForwardNames];
        var names = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A repeated name makes lookups by name pick one of its values; reading such a body by name keeps that
            // choice where it was. Names are told apart by hash: a collision only sends an ordinary body the slow way.
            var name = reader.ValueSpan;
            var hash = HashOf(name);
            if (reader.ValueIsEscaped || names == MaxForwardNames || seen[..names].Contains(hash))
                return null;

            seen[names++] = hash;
            var nameIsText = Utf8.IsValid(name);
            var field = FieldNamed(name, hash);

            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            // As TolerantJson.Scalars: the names of objects and arrays are never turned into text.
            var text = ScalarText(ref reader, needed: field is not null, out var valid);
            if (!valid || !nameIsText)
                fields.HasInvalidText = true;
            else if (field is { } named)
                fields._values[(int)named] = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        while (reader.Read())
        {
            // Only whitespace may follow the object; Read throws on anything else.
        }

        return fields;
    }

    // FNV-1a, 64 bits.
    private static ulong HashOf(ReadOnlySpan<byte> name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in name)
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static NotificationFields ReadByName(ReadOnlyMemory<byte> body)
    {
        // Every field is read here, so the document is not needed afterwards.
        using var document = JsonDocument.Parse(body, TolerantJson.Options);
        var fields = new NotificationFields(NotificationBodyShape.Object);
        var root = document.RootElement;
        foreach (var field in Enum.GetValues<NotificationField>())
        {
            try
            {
                fields._values[(int)field] = TolerantJson.NonEmptyText(root, NameOf(field))?.Trim();
            }
            catch (InvalidOperationException)
            {
                fields.HasInvalidText = true;
            }
        }

        try
        {
            // Names and values the parser does not use must still be readable text, as in the forward pass.
            _ = TolerantJson.Scalars(root);
        }
        catch (InvalidOperationException)
        {
            fields.HasInvalidText = true;
        }

        return fields;
    }

    // TolerantJson.Text for the value under the reader; text is built only when needed, validity always checked.
    private static string? ScalarText(ref Utf8JsonReader reader, bool needed, out bool valid)
    {
        valid = true;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                {
                    try
                    {
                        var unescaped = reader.GetString();
                        return needed ? unescaped : null;
                    }
                    catch (InvalidOperationException)
                    {
                        valid = false;
                        return null;
                    }
                }

                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    valid = false;
                    return null;
                }

                return needed ? Encoding.UTF8.GetString(reader.ValueSpan) : null;

            case JsonTokenType.Number:
                return needed ? Encoding.UTF8.GetString(reader.ValueSpan) : null;

            case JsonTokenType.True:
                return "true";

            case JsonTokenType.False:
                return "false";

            default:
                return null;
        }
    }

    private static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    internal static string NameOf(NotificationField field) => field switch
    {
        NotificationField.NotifyType => "notify_type",
        NotificationField.OutTradeNo => "out_trade_no",
        NotificationField.Syssn => "syssn",
        NotificationField.Txamt => "txamt",
        NotificationField.Txcurrcd => "txcurrcd",
        NotificationField.Status => "status",
        NotificationField.Respcd => "respcd",
        NotificationField.OrigSyssn => "orig_syssn",
        NotificationField.Origssn => "origssn",
        NotificationField.CashRefundFee => "cash_refund_fee",
        NotificationField.CashRefundFeeType => "cash_refund_fee_type",
        NotificationField.PayType => "pay_type",
        NotificationField.Cancel => "cancel",
        NotificationField.Txdtm => "txdtm",
        NotificationField.Sysdtm => "sysdtm",
        NotificationField.Paydtm => "paydtm",
        NotificationField.Chnlsn => "chnlsn",
        NotificationField.GoodsName => "goods_name",
        NotificationField.Mchid => "mchid",
        NotificationField.CashFee => "cash_fee",
        NotificationField.CashFeeType => "cash_fee_type",
        NotificationField.ExchangeRate => "exchange_rate",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static NotificationField? FieldNamed(ReadOnlySpan<byte> name, ulong hash) =>
        FieldsByHash.TryGetValue(hash, out var field) && name.SequenceEqual(Utf8Names[(int)field]) ? field : null;
}

internal enum NotificationBodyShape
{
    Object,
    NotJson,
    NotAnObject,
}
