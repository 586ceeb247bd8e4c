using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Factories;

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

    /// <param name="refundMoneyUrl">Where a payment's refund button posts, given the attempt id (null: no buttons).</param>
    public virtual async Task<OrderPaymentStatusModel> PrepareAsync(int orderId, string checkStatusUrl, Func<int, string>? refundMoneyUrl = null,
        CancellationToken cancellationToken = default)
    {
        var model = new OrderPaymentStatusModel { OrderId = orderId, CheckStatusUrl = checkStatusUrl, Texts = await TextsAsync() };
        var attempts = await _attempts.ListByOrderAsync(orderId, cancellationToken);
        var refunds = await _refunds.ListByOrderAsync(orderId, cancellationToken);

        foreach (var attempt in attempts)
        {
            var toReturn = attempt.Status.IsMoneyToReturn();
            var returned = refunds.Where(r => r.PaymentAttemptId == attempt.Id && r.Status != RefundStatus.Failed).Sum(static r => r.AmountMinor);
            var canRefund = toReturn && returned < attempt.AmountMinor && refundMoneyUrl is not null;
            if (toReturn && returned < attempt.AmountMinor)
                model.MoneyToReturnCount++;

            model.Attempts.Add(new AttemptRowModel
            {
                OutTradeNo = attempt.OutTradeNo,
                RefundMoneyUrl = canRefund ? refundMoneyUrl!(attempt.Id) : null,
                RefundMoneyLabel = canRefund
                    ? await _texts.GetAsync(attempt.Status == PaymentAttemptStatus.DuplicatePayment ? OrderStatusTexts.RefundDuplicate : OrderStatusTexts.RefundNotApplied)
                    : null,
                Amount = MinorUnits.Display(attempt.AmountMinor, attempt.CurrencyCode),
                Status = await _texts.GetAsync(StatusNames.Of(attempt.Status)),
                IsOpen = !attempt.Status.IsFinal(),
                Syssn = attempt.Syssn,
                LastResponseCode = attempt.LastResponseCode,
                LastMessage = attempt.LastMessage,
                CreatedOnUtc = attempt.CreatedOnUtc,
            });
        }

        foreach (var refund in refunds)
        {
            model.Refunds.Add(new RefundRowModel
            {
                OutTradeNo = refund.OutTradeNo,
                PaymentOutTradeNo = attempts.FirstOrDefault(a => a.Id == refund.PaymentAttemptId)?.OutTradeNo ?? refund.PaymentSyssn,
                Amount = MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode),
                Status = await _texts.GetAsync(StatusNames.Of(refund.Status)),
                IsPending = refund.Status == RefundStatus.Pending,
                RefundSyssn = refund.RefundSyssn,
                LastResponseCode = refund.LastResponseCode,
                LastMessage = refund.LastMessage,
                CreatedOnUtc = refund.CreatedOnUtc,
            });
        }

        if (model.MoneyToReturnCount > 0)
            model.Texts.MoneyToReturnWarning = await _texts.GetAsync(OrderStatusTexts.DuplicateWarning, model.MoneyToReturnCount);

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
        Payment = await _texts.GetAsync(OrderStatusTexts.ColumnPayment),
        RefundMoneyHint = await _texts.GetAsync(OrderStatusTexts.RefundMoneyHint),
    };
}
