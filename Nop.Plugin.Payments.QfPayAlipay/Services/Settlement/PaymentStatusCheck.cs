using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>What QFPay said about an attempt, after anything it said was applied.</summary>
public enum PaymentCheckState
{
    /// <summary>Paid (the settlement outcome says what that did to the order).</summary>
    Paid,

    /// <summary>Not paid yet, or QFPay could not be asked: ask again later.</summary>
    Pending,

    /// <summary>Closed, cancelled, failed, or never created at QFPay: nothing was paid.</summary>
    NotPaid,

    /// <summary>Not paid within expired_time.</summary>
    Expired,
}

/// <param name="Settlement">Set when a paid record was handed to the settlement routine.</param>
public sealed record PaymentCheck(PaymentCheckState State, SettlementResult? Settlement, string Detail);

/// <summary>
/// Asks QFPay about one attempt (by syssn when known, else by out_trade_no with the month window of its creation,
/// API.md §7.2) and applies the answer: a paid record goes through <see cref="SettlementService"/>, a final unpaid one
/// closes the attempt. Used by the return page now, and meant for the reconciliation task and the admin's "check
/// status".
/// </summary>
public class PaymentStatusCheck
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly QfPayClient _client;
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly SettlementService _settlement;
    private readonly TimeProvider _timeProvider;
    private readonly QfPayTimeouts _timeouts;

    public PaymentStatusCheck(IPaymentAttemptStore attempts,
        QfPayClient client,
        ILogger logger,
        ISettingService settingService,
        SettlementService settlement,
        TimeProvider timeProvider,
        QfPayTimeouts timeouts)
    {
        _attempts = attempts;
        _client = client;
        _logger = logger;
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
            return await PendingAsync(attempt, $"QFPay cannot be asked about out_trade_no {attempt.OutTradeNo}: {account.Error}");

        var request = string.IsNullOrWhiteSpace(attempt.Syssn)
            ? QueryRequest.ByOutTradeNo(attempt.OutTradeNo, new DateTimeOffset(DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc)))
            : QueryRequest.BySyssn(attempt.Syssn);

        var result = await _client.QueryAsync(account.Value, request, cancellationToken);
        await RecordQueriedAsync(attempt, cancellationToken);
        if (!result.IsSuccess)
        {
            return await PendingAsync(attempt,
                $"query for out_trade_no {attempt.OutTradeNo} failed: {result.Outcome}/{result.Problem}, code {result.ResponseCode ?? "none"}");
        }

        var record = FindRecord(result.Response, attempt);
        if (record is null)
        {
            // "No records" is reported only after every month window was searched (QfPayClient.QueryAsync). Without a
            // syssn the payment call never created anything; with one, QFPay may simply lag behind.
            if (!string.IsNullOrWhiteSpace(attempt.Syssn) || attempt.Status == PaymentAttemptStatus.AwaitingPayment)
                return new PaymentCheck(PaymentCheckState.Pending, null, $"QFPay has no record of out_trade_no {attempt.OutTradeNo} yet");

            await CloseAsync(attempt, PaymentAttemptStatus.Failed, null, "QFPay has no payment with this out_trade_no: it was never created.", cancellationToken);
            return new PaymentCheck(PaymentCheckState.NotPaid, null, $"QFPay never created out_trade_no {attempt.OutTradeNo}");
        }

        switch (record.Status)
        {
            case TransactionStatus.Succeeded:
                if (record.AmountInMinorUnits is not { } amount || string.IsNullOrWhiteSpace(record.Currency) || string.IsNullOrWhiteSpace(record.Syssn))
                {
                    return await PendingAsync(attempt,
                        $"QFPay reports out_trade_no {attempt.OutTradeNo} paid without amount, currency or syssn; waiting for the notification");
                }

                var settlement = await _settlement.SettleAsync(new PaidFact(attempt.OutTradeNo, record.Syssn, amount, record.Currency, source), cancellationToken);
                return new PaymentCheck(settlement.IsRetryable ? PaymentCheckState.Pending : PaymentCheckState.Paid, settlement, settlement.Detail);

            case TransactionStatus.Pending:
                return new PaymentCheck(PaymentCheckState.Pending, null, $"out_trade_no {attempt.OutTradeNo} is not paid yet (code {record.ResponseCode})");

            case TransactionStatus.Expired:
                await CloseAsync(attempt, PaymentAttemptStatus.Expired, record.ResponseCode, "The payment link expired unpaid.", cancellationToken);
                return new PaymentCheck(PaymentCheckState.Expired, null, $"out_trade_no {attempt.OutTradeNo} expired unpaid (code {record.ResponseCode})");

            default:
                await CloseAsync(attempt, PaymentAttemptStatus.Failed, record.ResponseCode, $"QFPay reports the payment {record.Status.ToString().ToLowerInvariant()} (code {record.ResponseCode}).", cancellationToken);
                return new PaymentCheck(PaymentCheckState.NotPaid, null, $"out_trade_no {attempt.OutTradeNo} was not paid: {record.Status} (code {record.ResponseCode})");
        }
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

    /// <summary>Closes an attempt that is not final yet; a paid or otherwise final one is left alone.</summary>
    private async Task CloseAsync(QfPayPaymentAttempt attempt, PaymentAttemptStatus status, string? code, string message, CancellationToken cancellationToken)
    {
        var fresh = await _attempts.FindByOutTradeNoAsync(attempt.OutTradeNo, cancellationToken) ?? attempt;
        if (fresh.Status.IsFinal())
            return;

        fresh.Status = status;
        fresh.LastResponseCode = code ?? fresh.LastResponseCode;
        fresh.LastMessage = message;
        fresh.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _attempts.UpdateAsync(fresh, cancellationToken);
        attempt.Status = fresh.Status;
    }

    /// <remarks>
    /// The repository writes whole rows, so this could overwrite a status a concurrent settlement wrote between the read
    /// and the write. The window is one round trip, final rows are never written, and the harm is bounded: the order
    /// and the claim stay right, and the next settlement of the same syssn (reconciliation) puts the attempt right.
    /// </remarks>
    private async Task RecordQueriedAsync(QfPayPaymentAttempt attempt, CancellationToken cancellationToken)
    {
        var fresh = await _attempts.FindByOutTradeNoAsync(attempt.OutTradeNo, cancellationToken) ?? attempt;
        if (fresh.Status.IsFinal())
            return;

        fresh.LastQueriedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _attempts.UpdateAsync(fresh, cancellationToken);
        attempt.LastQueriedOnUtc = fresh.LastQueriedOnUtc;
    }

    private async Task<PaymentCheck> PendingAsync(QfPayPaymentAttempt attempt, string detail)
    {
        await _logger.WarningAsync($"{OrderNotes.Prefix}{detail} (order id {attempt.OrderId}).");
        return new PaymentCheck(PaymentCheckState.Pending, null, detail);
    }
}
