using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>
/// Asks QFPay what became of one refund: by its syssn when known, otherwise by its out_trade_no with the month
/// window of its creation (API.md §7.2, §8.2 "query the refund instead of re-sending"). Reads only; applying the
/// answer is <see cref="PendingRefundResolver"/>'s job.
/// </summary>
public class RefundStatusQuery
{
    private readonly QfPayClient _client;
    private readonly ISettingService _settingService;

    public RefundStatusQuery(QfPayClient client, ISettingService settingService)
    {
        _client = client;
        _settingService = settingService;
    }

    public virtual async Task<RefundFinding> QueryAsync(QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(refund.StoreId);
        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return new RefundFinding(RefundFindingKind.QueryFailed, null, null, null, null, $"QFPay cannot be asked: {account.Error}");

        return await QueryAsync(account.Value, refund, cancellationToken);
    }

    public virtual async Task<RefundFinding> QueryAsync(QfPayAccount account, QfPayRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(refund);

        // A syssn query ignores the date window; an out_trade_no query only sees the months it names (§7.2).
        var request = string.IsNullOrWhiteSpace(refund.RefundSyssn)
            ? QueryRequest.ByOutTradeNo(refund.OutTradeNo, new DateTimeOffset(DateTime.SpecifyKind(refund.CreatedOnUtc, DateTimeKind.Utc)))
            : QueryRequest.BySyssn(refund.RefundSyssn);

        var result = await _client.QueryAsync(account, request, cancellationToken);
        if (!result.IsSuccess)
        {
            return new RefundFinding(RefundFindingKind.QueryFailed, null, result.ResponseCode, null, null,
                $"query for refund {refund.OutTradeNo} failed: {result.Outcome}/{result.Problem}, code {result.ResponseCode ?? "none"}");
        }

        var record = result.Response.Records
            .Where(static r => r.IsRefund || string.IsNullOrEmpty(r.OrderType))
            .FirstOrDefault(r => string.Equals(r.OutTradeNo, refund.OutTradeNo, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(refund.RefundSyssn) && string.Equals(r.Syssn, refund.RefundSyssn, StringComparison.Ordinal)));

        if (record is null)
            return new RefundFinding(RefundFindingKind.NotFound, null, null, null, null, $"QFPay has no refund {refund.OutTradeNo}");

        var kind = record.Status switch
        {
            TransactionStatus.Succeeded => RefundFindingKind.Succeeded,
            TransactionStatus.Pending => RefundFindingKind.Processing,
            _ => RefundFindingKind.Failed,
        };

        return new RefundFinding(kind, record.Syssn, record.ResponseCode, record.AmountInMinorUnits, record.Currency,
            $"QFPay reports refund {refund.OutTradeNo} {kind.ToString().ToLowerInvariant()} (code {record.ResponseCode ?? "none"}, syssn {record.Syssn ?? "none"})");
    }
}
