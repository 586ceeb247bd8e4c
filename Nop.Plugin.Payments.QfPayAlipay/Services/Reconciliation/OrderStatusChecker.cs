using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>One line of the outcome shown to the admin (INotificationService).</summary>
public sealed record StatusCheckLine(StatusCheckLevel Level, string Text);

public enum StatusCheckLevel
{
    Success,
    Information,
    Warning,
}

/// <summary>
/// The admin's "Check status now" on one order: the reconciliation task's work for that order alone, at once and
/// without its interval or budget: every open attempt is queried and settled (and expired when overdue), every
/// unconfirmed refund is resolved, and each paid payment is checked for refunds made outside nopCommerce.
/// </summary>
public class OrderStatusChecker
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly QfPayClient _client;
    private readonly AttemptExpiry _expiry;
    private readonly ExternalRefunds _externalRefunds;
    private readonly IOrderService _orderService;
    private readonly IRefundStore _refunds;
    private readonly PendingRefundResolver _refundResolver;
    private readonly ISettingService _settingService;
    private readonly PaymentStatusCheck _statusCheck;
    private readonly LocalizedTexts _texts;

    public OrderStatusChecker(IPaymentAttemptStore attempts,
        QfPayClient client,
        AttemptExpiry expiry,
        ExternalRefunds externalRefunds,
        IOrderService orderService,
        IRefundStore refunds,
        PendingRefundResolver refundResolver,
        ISettingService settingService,
        PaymentStatusCheck statusCheck,
        LocalizedTexts texts)
    {
        _attempts = attempts;
        _client = client;
        _expiry = expiry;
        _externalRefunds = externalRefunds;
        _orderService = orderService;
        _refunds = refunds;
        _refundResolver = refundResolver;
        _settingService = settingService;
        _statusCheck = statusCheck;
        _texts = texts;
    }

    public virtual async Task<IReadOnlyList<StatusCheckLine>> CheckAsync(int orderId, CancellationToken cancellationToken = default)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.Deleted)
            return [await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.OrderNotFound)];

        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return [await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.NotConfigured, account.Error)];

        var lines = new List<StatusCheckLine>();
        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        foreach (var attempt in attempts.Where(static a => !a.Status.IsFinal()))
            lines.Add(await CheckAttemptAsync(attempt, settings, cancellationToken));

        foreach (var refund in (await _refunds.ListByOrderAsync(order.Id, cancellationToken)).Where(static r => r.Status == RefundStatus.Pending))
            lines.Add(await ResolveRefundAsync(account.Value, refund, cancellationToken));

        // Reloaded: a payment settled above is now paid.
        foreach (var paid in (await _attempts.ListByOrderAsync(order.Id, cancellationToken)).Where(static a => a.Status == PaymentAttemptStatus.Paid && !string.IsNullOrWhiteSpace(a.Syssn)))
        {
            if (await HasExternalRefundsAsync(account.Value, paid, cancellationToken))
                lines.Add(await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.ExternalRefunds, paid.OutTradeNo));
        }

        if (lines.Count == 0)
            lines.Add(await LineAsync(StatusCheckLevel.Information, OrderStatusTexts.NothingOpen));

        return lines;
    }

    private async Task<StatusCheckLine> CheckAttemptAsync(QfPayPaymentAttempt attempt, QfPayAlipaySettings settings, CancellationToken cancellationToken)
    {
        var check = await _statusCheck.CheckAsync(attempt, SettlementSource.AdminCheck, cancellationToken);
        switch (check.State)
        {
            case PaymentCheckState.Paid:
                return await LineAsync(StatusCheckLevel.Success, OrderStatusTexts.PaymentPaid, attempt.OutTradeNo);
            case PaymentCheckState.MoneyNotApplied when check.Settlement?.Outcome == SettlementOutcome.DuplicatePayment:
                return await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.PaymentDuplicate, attempt.OutTradeNo);
            case PaymentCheckState.MoneyNotApplied:
                return await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.PaymentPaidNotApplied, attempt.OutTradeNo, check.Settlement?.Outcome);
        }

        var expiry = await _expiry.ApplyAsync(attempt, check, settings, cancellationToken);
        return (check.State, expiry) switch
        {
            (_, ExpiryOutcome.OrderCancelled) => await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.OrderCancelled, attempt.OutTradeNo),
            (PaymentCheckState.Expired, _) or (_, ExpiryOutcome.AttemptExpired) => await LineAsync(StatusCheckLevel.Information, OrderStatusTexts.PaymentExpired, attempt.OutTradeNo),
            (PaymentCheckState.NotPaid, _) => await LineAsync(StatusCheckLevel.Information, OrderStatusTexts.PaymentNotPaid, attempt.OutTradeNo),
            _ => await LineAsync(StatusCheckLevel.Information, OrderStatusTexts.PaymentPending, attempt.OutTradeNo),
        };
    }

    private async Task<StatusCheckLine> ResolveRefundAsync(QfPayAccount account, QfPayRefund refund, CancellationToken cancellationToken)
    {
        var resolution = await _refundResolver.ResolveAsync(account, refund, RefundSource.AdminCheck, cancellationToken);
        return resolution.Kind switch
        {
            RefundResolutionKind.Recorded => await LineAsync(StatusCheckLevel.Success, OrderStatusTexts.RefundRecorded, refund.OutTradeNo),
            RefundResolutionKind.AlreadyRecorded => await LineAsync(StatusCheckLevel.Information, OrderStatusTexts.RefundAlreadyRecorded, refund.OutTradeNo),
            RefundResolutionKind.Failed => await LineAsync(StatusCheckLevel.Warning, OrderStatusTexts.RefundFailed, refund.OutTradeNo),
            _ => await LineAsync(StatusCheckLevel.Information, OrderStatusTexts.RefundPending, refund.OutTradeNo),
        };
    }

    private async Task<bool> HasExternalRefundsAsync(QfPayAccount account, QfPayPaymentAttempt paid, CancellationToken cancellationToken)
    {
        var result = await _client.QueryAsync(account, QueryRequest.BySyssn(paid.Syssn!), cancellationToken);
        if (!result.IsSuccess)
            return false;

        var noted = await _externalRefunds.NoteAsync(result.Response.Records, cancellationToken) > 0;
        var record = result.Response.FindBySyssn(paid.Syssn!);
        var flagged = record is not null && await _externalRefunds.CheckRefundFlagsAsync(paid, record, cancellationToken);
        return noted || flagged;
    }

    private async Task<StatusCheckLine> LineAsync(StatusCheckLevel level, LocaleResource text, params object?[] args) =>
        new(level, await _texts.GetAsync(text, args));
}
