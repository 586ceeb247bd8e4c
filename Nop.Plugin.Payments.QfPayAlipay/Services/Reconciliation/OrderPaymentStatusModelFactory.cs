using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>Builds the order page's Alipay (QFPay) block from the plugin's own records (no call to QFPay).</summary>
public class OrderPaymentStatusModelFactory
{
    private readonly IPaymentAttemptStore _attempts;
    private readonly IRefundStore _refunds;
    private readonly LocalizedTexts _texts;

    public OrderPaymentStatusModelFactory(IPaymentAttemptStore attempts, IRefundStore refunds, LocalizedTexts texts)
    {
        _attempts = attempts;
        _refunds = refunds;
        _texts = texts;
    }

    public virtual async Task<OrderPaymentStatusModel> PrepareAsync(int orderId, string checkStatusUrl, CancellationToken cancellationToken = default)
    {
        var model = new OrderPaymentStatusModel { OrderId = orderId, CheckStatusUrl = checkStatusUrl, Texts = await TextsAsync() };

        foreach (var attempt in await _attempts.ListByOrderAsync(orderId, cancellationToken))
        {
            model.Attempts.Add(new AttemptRowModel
            {
                OutTradeNo = attempt.OutTradeNo,
                Amount = AmountText.Of(attempt.AmountMinor, attempt.CurrencyCode),
                Status = await _texts.GetAsync(StatusNames.Of(attempt.Status)),
                IsOpen = !attempt.Status.IsFinal(),
                Syssn = attempt.Syssn,
                LastResponseCode = attempt.LastResponseCode,
                LastMessage = attempt.LastMessage,
                CreatedOnUtc = attempt.CreatedOnUtc,
            });
        }

        foreach (var refund in await _refunds.ListByOrderAsync(orderId, cancellationToken))
        {
            model.Refunds.Add(new RefundRowModel
            {
                OutTradeNo = refund.OutTradeNo,
                Amount = AmountText.Of(refund.AmountMinor, refund.CurrencyCode),
                Status = await _texts.GetAsync(StatusNames.Of(refund.Status)),
                IsPending = refund.Status == RefundStatus.Pending,
                RefundSyssn = refund.RefundSyssn,
                LastResponseCode = refund.LastResponseCode,
                LastMessage = refund.LastMessage,
                CreatedOnUtc = refund.CreatedOnUtc,
            });
        }

        return model;
    }

    private async Task<OrderPaymentStatusTexts> TextsAsync() => new()
    {
        Title = await _texts.GetAsync(OrderStatusTexts.Title),
        Attempts = await _texts.GetAsync(OrderStatusTexts.Attempts),
        Refunds = await _texts.GetAsync(OrderStatusTexts.Refunds),
        NoAttempts = await _texts.GetAsync(OrderStatusTexts.NoAttempts),
        NoRefunds = await _texts.GetAsync(OrderStatusTexts.NoRefunds),
        CheckNow = await _texts.GetAsync(OrderStatusTexts.CheckNow),
        CheckNowHint = await _texts.GetAsync(OrderStatusTexts.CheckNowHint),
        OutTradeNo = await _texts.GetAsync(OrderStatusTexts.ColumnOutTradeNo),
        Amount = await _texts.GetAsync(OrderStatusTexts.ColumnAmount),
        Status = await _texts.GetAsync(OrderStatusTexts.ColumnStatus),
        Syssn = await _texts.GetAsync(OrderStatusTexts.ColumnSyssn),
        Code = await _texts.GetAsync(OrderStatusTexts.ColumnCode),
        Details = await _texts.GetAsync(OrderStatusTexts.ColumnDetails),
        Created = await _texts.GetAsync(OrderStatusTexts.ColumnCreated),
    };
}
