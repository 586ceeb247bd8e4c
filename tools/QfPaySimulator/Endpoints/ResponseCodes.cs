namespace QfPaySimulator.Endpoints;

/// <summary>The respcd values the simulator answers with (docs/qfpay-protocol.md §5.2).</summary>
internal static class ResponseCodes
{
    public const string Success = "0000";

    /// <summary>Not paid yet / still processing.</summary>
    public const string InProgress = "1143";

    public const string DuplicateRequest = "1102";

    /// <summary>Request format error: used for a body that is not a plain url-encoded form.</summary>
    public const string FormatError = "1103";

    public const string ParameterError = "1104";

    /// <summary>"Device invalid". QFPay's code for an unknown app code is unknown (docs/qfpay-protocol.md §5.2); this is the simulator's choice.</summary>
    public const string UnknownAppCode = "1106";

    public const string SignatureError = "1108";

    /// <summary>Transaction does not exist or cannot be operated on.</summary>
    public const string NoSuchTransaction = "1136";

    public const string Expired = "1181";

    /// <summary>Observed for a refund that reuses an out_trade_no (docs/qfpay-protocol.md §5.2, merchant notes).</summary>
    public const string OutTradeNoUsed = "1251";

    /// <summary>Order not paid: the simulator's choice for refunding a payment that is not paid.</summary>
    public const string NotPaid = "1261";

    /// <summary>Order cancelled: the simulator's choice for a payment cancelled at the cashier.</summary>
    public const string Cancelled = "1263";

    /// <summary>Observed for a refund of a payment that is already fully refunded (docs/qfpay-protocol.md §5.2).</summary>
    public const string AlreadyRefunded = "1264";

    public const string ExceedsRefundable = "1272";
}
