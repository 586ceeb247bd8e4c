namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

/// <summary>
/// A parsed notification body (API.md §6.4). Values are kept as QFPay sent them (trimmed), except the
/// amount, which is parsed. Match it to an attempt by <see cref="OutTradeNo"/> and process it idempotently
/// by <see cref="NotifyType"/> + <see cref="Syssn"/>: the same notification can arrive up to 8 times (§6.6).
/// </summary>
public abstract record QfPayNotification
{
    public const string PaymentType = "payment";
    public const string RefundType = "refund";

    private static readonly IReadOnlyDictionary<string, string?> NoFields = new Dictionary<string, string?>();

    private readonly ReadOnlyMemory<byte> _body;
    private IReadOnlyDictionary<string, string?>? _fields;

    protected QfPayNotification()
    {
    }

    private protected QfPayNotification(SharedFields shared)
    {
        var fields = shared.Fields;
        PayType = fields[NotificationField.PayType];
        Status = shared.Status;
        ResponseCode = shared.ResponseCode;
        Cancel = fields[NotificationField.Cancel];
        RequestTime = fields[NotificationField.Txdtm];
        SystemTime = fields[NotificationField.Sysdtm];
        PaymentTime = fields[NotificationField.Paydtm];
        ChannelSerial = fields[NotificationField.Chnlsn];
        GoodsName = fields[NotificationField.GoodsName];
        MerchantId = fields[NotificationField.Mchid];
        CashFee = fields[NotificationField.CashFee];
        CashFeeCurrency = fields[NotificationField.CashFeeType];
        ExchangeRate = fields[NotificationField.ExchangeRate];
        _body = shared.Body;
    }

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

    /// <summary>
    /// Every scalar field of the body as text, including ones this type does not name. Read from the body on first
    /// use: the notify route never needs it, and building it cost more than the rest of the parse.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Fields
    {
        get => _fields ??= _body.IsEmpty ? NoFields : NotificationParser.AllScalars(_body);
        init => _fields = value;
    }
}

/// <summary>What the parser hands both kinds of notification: the fields read, status and respcd as checked, the body.</summary>
internal readonly record struct SharedFields(NotificationFields Fields, string? Status, string? ResponseCode, ReadOnlyMemory<byte> Body);

/// <summary>A successful payment (<c>notify_type = payment</c>).</summary>
public sealed record PaymentNotification : QfPayNotification
{
    public PaymentNotification()
    {
    }

    internal PaymentNotification(SharedFields shared) : base(shared)
    {
    }
}

/// <summary>
/// A successful refund (<c>notify_type = refund</c>). QFPay documents no example (API.md §6.7, §13 q5), so
/// the original payment's number is read from <c>orig_syssn</c> or <c>origssn</c> when either is present;
/// otherwise link it through <see cref="QfPayNotification.OutTradeNo"/> or a query by its syssn.
/// </summary>
public sealed record RefundNotification : QfPayNotification
{
    public RefundNotification()
    {
    }

    internal RefundNotification(SharedFields shared) : base(shared)
    {
    }

    public string? OriginalSyssn { get; init; }

    public string? CashRefundFee { get; init; }

    public string? CashRefundFeeCurrency { get; init; }
}
