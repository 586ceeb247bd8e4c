using System.Collections.Frozen;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

/// <summary>
/// The one table of QFPay <c>respcd</c> values (docs/qfpay-protocol.md §5.2) and how the plugin treats each. Codes come
/// first; message text is consulted only where QFPay reuses a code for two situations (1251, 1265, §11.12).
/// </summary>
public static class QfPayResponseCodes
{
    public const string MessageKeyPrefix = "Plugins.Payments.QfPayAlipay.Codes.";

    public const string SuccessCode = "0000";

    /// <summary>Resource key for a code that is not in the table.</summary>
    public const string UnknownCodeMessageKey = MessageKeyPrefix + "Unknown";

    private const QfPayOutcome S = QfPayOutcome.Success;
    private const QfPayOutcome P = QfPayOutcome.InProgress;
    private const QfPayOutcome R = QfPayOutcome.Retryable;
    private const QfPayOutcome F = QfPayOutcome.Failed;
    private const QfPayOutcome U = QfPayOutcome.Unknown;

    private static readonly ResponseCodeInfo[] BaseEntries =
    [
        Entry("0000", S, "Success."),

        // processing: not final yet, keep querying (§5.1)
        Entry("1143", P, "Not paid yet; the payer may still be entering the password. Query again later."),
        Entry("1145", P, "Processing; query again later."),
        Entry("1298", P, "Network slow; if already paid, do not pay again. Confirm with a query later."),

        // system / risk
        Entry("1295", P, "Network slow, waiting for a response. Query before trying again."),
        Entry("1296", P, "Network slow; query to make sure nothing was created, then try later or use another method."),
        Entry("1100", R, "QFPay is under maintenance. Try again later."),
        Entry("1252", P, "QFPay had a system error while creating the order. Query by out_trade_no; if nothing exists, try again later."),
        Entry("1254", P, "A problem occurred on QFPay's side. Query by out_trade_no; if nothing exists, try again later."),
        Entry("1101", P, "Reversal error. Query the transaction."),
        Entry("1136", F, "The transaction does not exist or cannot be operated on. Check the syssn."),
        Entry("1250", F, "Transaction forbidden; contact QFPay."),
        Entry("1294", F, "Possibly non-compliant, blocked by the bank. Do not retry automatically."),

        // request / signature
        Entry("1102", P, "Duplicate request. Do not resend; query by out_trade_no."),
        Entry("2011", P, "Transaction serial number repeats. Query by out_trade_no before using a new one."),
        Entry("1103", F, "Request format error."),
        Entry("1104", F, "Request parameter error."),
        Entry("1108", F, "Signature error: check the client key, the signature type, and that test and production credentials are not mixed."),

        // device / store configuration
        Entry("1105", F, "Device not activated; check the QFPay app code configuration."),
        Entry("1106", F, "Device invalid; check the QFPay app code."),
        Entry("1107", F, "Device not allowed; check the QFPay app code configuration."),
        Entry("1241", F, "The store is missing or in a wrong status; contact QFPay."),
        Entry("1242", F, "The store is not configured; contact QFPay."),
        Entry("1243", F, "The store is disabled; contact QFPay."),
        Entry("1251", F, "The store is not configured correctly; contact QFPay."),

        // order state
        Entry("1142", F, "The order is already closed."),
        Entry("1264", F, "The order is already closed, or already fully refunded. Query to see what was refunded."),
        Entry("1181", F, "The order expired before it was paid."),
        Entry("1260", P, "The order is already paid. Query and reconcile."),
        Entry("1261", P, "The order is not paid. Query its state."),
        Entry("1262", P, "The order is already refunded. Query and reconcile the refunds."),
        Entry("1125", P, "The order is already refunded. Query and reconcile the refunds."),
        Entry("1263", F, "The order was cancelled."),
        Entry("1266", P, "Wrong amount. Query before resending anything."),
        Entry("1267", P, "The order information does not match. Query before resending anything."),
        Entry("1268", P, "Order not found. Query before resending anything."),

        // channel
        Entry("1201", F, "Insufficient balance; the shopper should use another payment method."),
        Entry("1203", R, "Account error; the shopper may try again later or pick another method."),
        Entry("1204", R, "Bank error; the shopper may try again later or pick another method."),
        Entry("1205", R, "The transaction failed; a new attempt may be made."),
        Entry("1297", R, "The bank system is busy (also seen for amounts above a channel limit); try again later or another method."),
        Entry("1147", F, "WeChat error (not expected for Alipay)."),
        Entry("1202", F, "Wrong payment code (not expected for Alipay WAP)."),
        Entry("1212", F, "UnionPay payment code (not expected for Alipay WAP)."),
        Entry("2005", F, "Payment code expired (not expected for Alipay WAP)."),

        // refund limits
        Entry("1150", F, "T0 settlement: cancel not supported; use a refund."),
        Entry("1155", F, "Refund denied."),
        // Read as the documented nightly window unless the message says the period is over (see Interpret).
        new("1265", R, MessageKeyPrefix + "1265.TimeWindow", "Refunds are not possible between 23:30 and 00:30 (Hong Kong time). Try again after 00:30."),
        Entry("1269", R, "Today's takings are too low to fund the refund. Try again on the next business day."),
        Entry("1270", F, "This currency does not allow partial refunds; only a full refund is possible."),
        Entry("1271", F, "This transaction does not allow partial refunds; only a full refund is possible."),
        Entry("1272", F, "The refund exceeds the refundable amount. Query the payment to see what remains."),
        Entry("1124", F, "Invalid transaction (card payments refunded the same day must be refunded in full)."),

        // QFPay lists it without a meaning; one client treats it as "query to confirm" (§5.2).
        Entry("2999", U, "Undocumented code: the outcome is unknown and must be confirmed with a query.", isDocumented: false),
    ];

    /// <summary>1251 with a message about out_trade_no: a reused number, not a store problem (§5.2, merchant notes).</summary>
    public static ResponseCodeInfo DuplicateOutTradeNo { get; } = new("1251", P, MessageKeyPrefix + "1251.DuplicateOutTradeNo",
        "This out_trade_no was used before. Do not resend; query by out_trade_no.");

    /// <summary>1265 read as the documented nightly window: retry later. It is also the table's 1265 row.</summary>
    public static ResponseCodeInfo RefundTimeWindow => Table["1265"];

    /// <summary>1265 whose message says the refund period is over: final.</summary>
    public static ResponseCodeInfo RefundPeriodOver { get; } = new("1265", F, MessageKeyPrefix + "1265.RefundPeriod",
        "The refund period for this payment is over; QFPay no longer accepts refunds for it.");

    private static readonly FrozenDictionary<string, ResponseCodeInfo> Table =
        BaseEntries.ToFrozenDictionary(static entry => entry.Code, StringComparer.Ordinal);

    // Phrases of the observed "refund period is over" messages (§5.2, 1265), English and Chinese.
    private static readonly string[] RefundPeriodPhrases = ["time limit", "period", "exceed", "expired", "超過", "超过", "期限", "時限", "时限"];

    private static readonly string[] RefundWindowPhrases = ["23:30", "00:30"];

    /// <summary>Every row: one per code, plus the 1251 and 1265 variants (e.g. to seed locale resources).</summary>
    public static IReadOnlyList<ResponseCodeInfo> All { get; } = [.. BaseEntries, DuplicateOutTradeNo, RefundPeriodOver];

    /// <summary>Every documented code, for tests and admin screens.</summary>
    public static IReadOnlyCollection<string> Codes => Table.Keys;

    /// <summary>The table row for <paramref name="code"/>, or null when it is not in the table.</summary>
    public static ResponseCodeInfo? Find(string? code) =>
        Normalize(code) is { } normalized && Table.TryGetValue(normalized, out var entry) ? entry : null;

    /// <summary>
    /// How to treat <paramref name="code"/> answering <paramref name="operation"/>.
    /// <paramref name="messages"/> (<c>respmsg</c>, <c>resperr</c>) only split 1251 and 1265.
    /// An unknown code answering a creation is <see cref="QfPayOutcome.Unknown"/> (money may have moved:
    /// query, §5.2 last rows); answering a query it is <see cref="QfPayOutcome.Failed"/>. The raw code is
    /// kept in <see cref="ResponseCodeInfo.Code"/> either way.
    /// </summary>
    public static ResponseCodeInfo Interpret(string? code, QfPayOperation operation, params string?[] messages)
    {
        var normalized = Normalize(code) ?? string.Empty;
        var text = string.Join(' ', messages.Where(static m => !string.IsNullOrWhiteSpace(m)));

        if (normalized == "1251" && text.Contains("out_trade_no", StringComparison.OrdinalIgnoreCase))
            return DuplicateOutTradeNo;

        if (normalized == "1265")
        {
            var aboutWindow = RefundWindowPhrases.Any(p => text.Contains(p, StringComparison.Ordinal));
            var aboutPeriod = RefundPeriodPhrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
            return aboutPeriod && !aboutWindow ? RefundPeriodOver : RefundTimeWindow;
        }

        if (Table.TryGetValue(normalized, out var entry) && entry.Outcome != QfPayOutcome.Unknown)
            return entry;

        var outcome = operation.IsCreation() ? QfPayOutcome.Unknown : QfPayOutcome.Failed;
        return entry is not null
            ? entry with { Outcome = outcome }
            : new ResponseCodeInfo(normalized, outcome, UnknownCodeMessageKey,
                operation.IsCreation()
                    ? $"QFPay answered with undocumented code '{normalized}'; the outcome is unknown and must be confirmed with a query."
                    : $"QFPay answered with undocumented code '{normalized}'.",
                IsDocumented: false);
    }

    /// <summary>
    /// Trimmed code; a bare JSON number shorter than four digits gets its leading zeros back
    /// (<c>respcd</c> is String(4), but samples print it as a number, docs/qfpay-protocol.md §5.1).
    /// </summary>
    public static string? Normalize(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;

        return trimmed.Length < 4 && trimmed.All(char.IsAsciiDigit) ? trimmed.PadLeft(4, '0') : trimmed;
    }

    private static ResponseCodeInfo Entry(string code, QfPayOutcome outcome, string description, bool isDocumented = true) =>
        new(code, outcome, MessageKeyPrefix + code, description, isDocumented);
}

/// <summary>
/// How the plugin treats one <c>respcd</c>: the outcome, a locale resource key for shopper/admin text,
/// and an English description to seed that resource with.
/// </summary>
/// <param name="Code">The raw code as QFPay sent it (kept even when it is not in the table).</param>
/// <param name="Outcome">What to do next.</param>
/// <param name="MessageKey">e.g. <c>Plugins.Payments.QfPayAlipay.Codes.1265.TimeWindow</c>.</param>
/// <param name="Description">English text for admins; the default value of the resource.</param>
/// <param name="IsDocumented">False for codes QFPay has not documented (and for 2999, whose meaning is not documented).</param>
public sealed record ResponseCodeInfo(string Code, QfPayOutcome Outcome, string MessageKey, string Description, bool IsDocumented = true)
{
    public bool IsSuccess => Outcome == QfPayOutcome.Success;

    /// <summary>Resolve with a query before anything else.</summary>
    public bool RequiresQuery => Outcome is QfPayOutcome.InProgress or QfPayOutcome.Unknown;
}

/// <summary>What a QFPay answer means for the caller's next step (docs/qfpay-protocol.md §5).</summary>
public enum QfPayOutcome
{
    /// <summary><c>0000</c>. For payment creation: the link exists, not "paid" (docs/qfpay-protocol.md §4.5, §11.1).</summary>
    Success,

    /// <summary>
    /// Not final, or may have taken effect: resolve with a query before doing anything else, and never
    /// resend the operation (e.g. 1143, 1145, duplicate 1102, system error 1252; docs/qfpay-protocol.md §5.2).
    /// </summary>
    InProgress,

    /// <summary>Nothing was done and trying again later is safe (maintenance, refund window, channel busy).</summary>
    Retryable,

    /// <summary>Final for this operation (bad signature, closed order, over-refund...).</summary>
    Failed,

    /// <summary>
    /// Nobody knows what happened: timeout, network error, HTTP 429/5xx, an unreadable answer, or an
    /// unknown code answering a payment or refund creation (docs/qfpay-protocol.md §2.4, §5.2 last rows). Resolve with a
    /// query by <c>out_trade_no</c>; never resend automatically (§11.11).
    /// </summary>
    Unknown,
}

/// <summary>The call a <c>respcd</c> answers; an unknown code means different things for each (docs/qfpay-protocol.md §5.2).</summary>
public enum QfPayOperation
{
    CreatePayment,
    Query,
    CreateRefund,
}

public static class QfPayOperations
{
    /// <summary>Payment and refund creation move money; their unknown answers must be resolved by a query.</summary>
    public static bool IsCreation(this QfPayOperation operation) => operation is QfPayOperation.CreatePayment or QfPayOperation.CreateRefund;
}
