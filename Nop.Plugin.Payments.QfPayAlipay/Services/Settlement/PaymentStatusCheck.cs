using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>What QFPay said about an attempt, after anything it said was applied.</summary>
public enum PaymentCheckState
{
    /// <summary>This payment paid the order (now or before).</summary>
    Paid,

    /// <summary>Not paid yet, or QFPay could not be asked (see <see cref="PaymentCheck.Answered"/>): ask again later.</summary>
    Pending,

    /// <summary>Closed, cancelled, failed, or never created at QFPay: nothing was paid.</summary>
    NotPaid,

    /// <summary>Not paid within its expired_time.</summary>
    Expired,

    /// <summary>QFPay took money the order does not keep: a mismatch, a duplicate payment, or an order that could not be paid.</summary>
    MoneyNotApplied,
}

/// <param name="Settlement">Set when a paid record was handed to the settlement routine.</param>
/// <param name="Answered">False when QFPay could not be asked or gave no usable answer: "pending" then means "unknown".</param>
public sealed record PaymentCheck(PaymentCheckState State, SettlementResult? Settlement, string Detail, bool Answered = true);

/// <summary>
/// Asks QFPay about one attempt (by syssn when known, else by out_trade_no with the month window of its creation) and
/// applies the answer: a paid record goes through <see cref="SettlementService"/>, a final unpaid one closes the attempt
/// (a guarded move that cannot undo a payment settled meanwhile) with one order note saying what happened to it. Used
/// by the return page, the desktop status page, retries, the reconciliation task and the admin's "Check status now".
/// </summary>
public class PaymentStatusCheck
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly QfPayClient _client;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly ISettingService _settingService;
    private readonly SettlementService _settlement;
    private readonly TimeProvider _timeProvider;
    private readonly QfPayTimeouts _timeouts;

    public PaymentStatusCheck(IPaymentAttemptStore attempts,
        QfPayClient client,
        ILogger logger,
        OrderNotes orderNotes,
        ISettingService settingService,
        SettlementService settlement,
        TimeProvider timeProvider,
        QfPayTimeouts timeouts)
    {
        _attempts = attempts;
        _client = client;
        _logger = logger;
        _orderNotes = orderNotes;
        _settingService = settingService;
        _settlement = settlement;
        _timeProvider = timeProvider;
        _timeouts = timeouts;
    }

    public virtual async Task<PaymentCheck> CheckAsync(QfPayPaymentAttempt attempt, SettlementSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(attempt.StoreId);
        var account = MerchantAccount.From(settings, _timeouts);
        if (!account.IsValid)
            return await UnansweredAsync(attempt, $"QFPay cannot be asked about out_trade_no {attempt.OutTradeNo}: {account.Error}");

        var request = string.IsNullOrWhiteSpace(attempt.Syssn)
            ? QueryRequest.ByOutTradeNo(attempt.OutTradeNo, new DateTimeOffset(DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc)))
            : QueryRequest.BySyssn(attempt.Syssn);

        var result = await _client.QueryAsync(account.Value, request, cancellationToken);
        var queriedOn = UtcNow();
        await _attempts.RecordQueriedAsync(attempt.Id, queriedOn, cancellationToken);
        attempt.LastQueriedOnUtc = queriedOn;
        if (!result.IsSuccess)
        {
            return await UnansweredAsync(attempt,
                $"query for out_trade_no {attempt.OutTradeNo} failed: {result.Outcome}/{result.Problem}, code {result.ResponseCode ?? "none"}");
        }

        var record = FindRecord(result.Response, attempt);
        if (record is null)
        {
            // "No records" is reported only after every month window was searched (QfPayClient.QueryAsync). Without a
            // syssn the payment call never created anything; with one, QFPay may simply lag behind.
            if (!string.IsNullOrWhiteSpace(attempt.Syssn) || attempt.Status == PaymentAttemptStatus.AwaitingPayment)
                return new PaymentCheck(PaymentCheckState.Pending, null, $"QFPay has no record of out_trade_no {attempt.OutTradeNo} yet");

            await CloseAsync(attempt, PaymentAttemptStatus.Failed, null, "QFPay has no payment with this number: it was never created.", source);
            return new PaymentCheck(PaymentCheckState.NotPaid, null, $"QFPay never created out_trade_no {attempt.OutTradeNo}");
        }

        switch (record.Status)
        {
            case TransactionStatus.Succeeded:
                if (record.AmountInMinorUnits is not { } amount || string.IsNullOrWhiteSpace(record.Currency) || string.IsNullOrWhiteSpace(record.Syssn))
                {
                    return await UnansweredAsync(attempt,
                        $"QFPay reports out_trade_no {attempt.OutTradeNo} paid without amount, currency or syssn; waiting for the notification");
                }

                var settlement = await _settlement.SettleAsync(
                    new PaidFact(attempt.OutTradeNo, record.Syssn, amount, record.Currency, source, record.PayType, record.Cancel), attempt, cancellationToken);
                return new PaymentCheck(StateOf(settlement), settlement, settlement.Detail, !settlement.IsRetryable);

            case TransactionStatus.Pending:
                return new PaymentCheck(PaymentCheckState.Pending, null, $"out_trade_no {attempt.OutTradeNo} is not paid yet (code {record.ResponseCode})");

            case TransactionStatus.Expired:
                await CloseAsync(attempt, PaymentAttemptStatus.Expired, record.ResponseCode, $"expired unpaid (QFPay code {record.ResponseCode})", source);
                return new PaymentCheck(PaymentCheckState.Expired, null, $"out_trade_no {attempt.OutTradeNo} expired unpaid (code {record.ResponseCode})");

            default:
                await CloseAsync(attempt, PaymentAttemptStatus.Failed, record.ResponseCode, DescribeClosed(record), source);
                return new PaymentCheck(PaymentCheckState.NotPaid, null, $"out_trade_no {attempt.OutTradeNo} was not paid: {record.Status} (code {record.ResponseCode})");
        }
    }

    /// <summary>How a settlement reads to a status check: paid only when this payment paid the order.</summary>
    public static PaymentCheckState StateOf(SettlementResult settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        return settlement.Outcome switch
        {
            SettlementOutcome.Settled or SettlementOutcome.AlreadySettled => PaymentCheckState.Paid,
            SettlementOutcome.Mismatch or SettlementOutcome.DuplicatePayment or SettlementOutcome.OrderNotPayable => PaymentCheckState.MoneyNotApplied,
            _ => PaymentCheckState.Pending,
        };
    }

    private static TransactionRecord? FindRecord(QueryResponse response, QfPayPaymentAttempt attempt)
    {
        var records = (string.IsNullOrWhiteSpace(attempt.Syssn)
                ? response.FindByOutTradeNo(attempt.OutTradeNo)
                : response.Records.Where(r => string.Equals(r.Syssn, attempt.Syssn, StringComparison.Ordinal)))
            .Where(static r => r.IsPayment || string.IsNullOrEmpty(r.OrderType))
            // A record about another out_trade_no is not an answer about this attempt.
            .Where(r => string.IsNullOrEmpty(r.OutTradeNo) || string.Equals(r.OutTradeNo, attempt.OutTradeNo, StringComparison.Ordinal))
            .ToList();

        return records.FirstOrDefault(static r => r.Status == TransactionStatus.Succeeded) ?? records.FirstOrDefault();
    }

    private static string DescribeClosed(TransactionRecord record) => record.ResponseCode switch
    {
        "1263" => "cancelled by the shopper at Alipay's cashier (QFPay code 1263)",
        "1142" or "1264" => $"closed unpaid (QFPay code {record.ResponseCode})",
        _ => $"not paid: QFPay reports it {record.Status.ToString().ToLowerInvariant()} (code {record.ResponseCode ?? "none"})",
    };

    /// <summary>
    /// Closes an open attempt; the move is guarded, so a payment settled meanwhile stays paid. The one request that
    /// closes it writes the order note, so each attempt's outcome appears on the order once.
    /// </summary>
    private async Task CloseAsync(QfPayPaymentAttempt attempt, PaymentAttemptStatus status, string? code, string what, SettlementSource source)
    {
        var change = new AttemptChange(status, Shorten($"Payment {what}."), UtcNow()) { LastResponseCode = code };
        if (!await _attempts.TryChangeAsync(attempt.Id, change))
            return;

        change.ApplyTo(attempt);
        await _orderNotes.AddAsync(attempt.OrderId,
            $"payment attempt {attempt.AttemptNumber} (out_trade_no {attempt.OutTradeNo}) {what}; learned {source.Describe()}.");
    }

    private async Task<PaymentCheck> UnansweredAsync(QfPayPaymentAttempt attempt, string detail)
    {
        await _logger.WarningAsync($"{OrderNotes.Prefix}{detail} (order id {attempt.OrderId}).");
        return new PaymentCheck(PaymentCheckState.Pending, null, detail, Answered: false);
    }

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];
}
