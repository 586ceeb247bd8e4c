using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>
/// Confirms with a query that QFPay <b>answered</b> "not paid" for an overdue attempt. The settlement check reports
/// "pending" both when QFPay says 1143 and when QFPay could not be asked (timeout, 429, network); expiring on the
/// second would be expiring on age alone, which the expiry rule forbids.
/// </summary>
public class UnpaidConfirmation
{
    private readonly QfPayClient _client;

    public UnpaidConfirmation(QfPayClient client)
    {
        _client = client;
    }

    /// <summary>True when QFPay answered and shows no successful payment for <paramref name="attempt"/>.</summary>
    public virtual async Task<(bool Unpaid, string Detail)> ConfirmAsync(QfPayAccount account, QfPayPaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(attempt);
        var request = string.IsNullOrWhiteSpace(attempt.Syssn)
            ? QueryRequest.ByOutTradeNo(attempt.OutTradeNo, new DateTimeOffset(DateTime.SpecifyKind(attempt.CreatedOnUtc, DateTimeKind.Utc)))
            : QueryRequest.BySyssn(attempt.Syssn);

        var result = await _client.QueryAsync(account, request, cancellationToken);
        if (!result.IsSuccess)
            return (false, $"QFPay could not be asked ({result.Outcome}/{result.Problem})");

        var records = result.Response.Records
            .Where(static r => r.IsPayment || string.IsNullOrEmpty(r.OrderType))
            .Where(r => string.Equals(r.OutTradeNo, attempt.OutTradeNo, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(attempt.Syssn) && string.Equals(r.Syssn, attempt.Syssn, StringComparison.Ordinal)))
            .ToList();

        if (records.Any(static r => r.Status == TransactionStatus.Succeeded))
            return (false, "QFPay now reports it paid");

        return records.Count == 0
            ? (true, "QFPay has no payment under this number")
            : (true, $"QFPay still reports code {records[0].ResponseCode ?? "none"}");
    }
}
